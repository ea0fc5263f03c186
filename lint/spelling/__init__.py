"""What the spelling rule reads in an article besides the dictionary: ``evidence`` (the words an
article uses, capitalises in mid-sentence, puts in titles or in pasted code) and ``scans`` (slips
found by scanning the text: "said.The", "Iraq s", "govern- ment", "IEAE" beside "IAEA")."""
