"""--format junit: a JUnit XML test report, for GitLab merge requests and Jenkins.

Each file is a test suite; each finding is a failed test case named after its
rule and place, its failure text the finding as the text report shows it. A file
without findings has one passing test case, so clean files count too; a file
that could not be read is a test case in error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..finding import Finding
from ..report import Report

CLEAN = "no problems"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # characters XML 1.0 cannot hold


def render(report: Report, terminal: bool = False) -> str:
    root = ET.Element("testsuites", name="copydesk")
    for result in report.files:
        suite = ET.SubElement(root, "testsuite", name=result.path, tests=str(max(1, len(result.findings))),
                              failures=str(len(result.findings)), errors="0")
        for finding in result.findings:
            case = ET.SubElement(suite, "testcase", name=f"{finding.rule} {finding.line}:{finding.column}",
                                 classname=result.path, file=result.path, line=str(finding.line))
            failure = ET.SubElement(case, "failure", message=xml_text(finding.message), type=str(finding.severity))
            failure.text = xml_text(details(finding))
        if not result.findings:
            ET.SubElement(suite, "testcase", name=CLEAN, classname=result.path, file=result.path)
    for error in report.errors:
        suite = ET.SubElement(root, "testsuite", name=error.path, tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name="read", classname=error.path, file=error.path)
        ET.SubElement(case, "error", message=xml_text(error.message))
    findings = len(report.findings)
    root.set("tests", str(sum(int(suite.get("tests", "0")) for suite in root)))
    root.set("failures", str(findings))
    root.set("errors", str(len(report.errors)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def details(finding: Finding) -> str:
    text = f"{finding.path}:{finding.line}:{finding.column}: {finding.severity}: {finding.message} [{finding.rule}]"
    if finding.suggestions:
        text += "\nSuggestion: " + ", ".join(finding.suggestions)
    return text


def xml_text(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)
