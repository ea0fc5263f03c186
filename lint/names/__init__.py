"""The names wing: what copydesk knows about names, shared by the checks that read them.

- ``particles``: one table of name particles (al-, ash-, bin, abu, ould, de, van) and what each
  does where: left out when spellings are compared, joined to the name, read as part of it.
- ``transliteration``: sound skeletons and the weighted distance that say whether two
  spellings are one name.
- ``evidence``: what the text says of a word: a sentence start, a headline, a word the English
  dictionary knows or uses too often to be a name.
- ``usage``: the names of one article, gathered with how each spelling is used.
- ``elements``: given-name elements written several ways (Abdel/Abdul, Mohammed/Mehmet), one
  name only when the rest of the name is the same.
- ``joining``: one name written with a hyphen and with a space (Amir-Abdollahian/Amir Abdollahian).

Checks import from here and never from one another.
"""
