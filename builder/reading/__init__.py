"""Reading: a corpus file's bytes to a normalised document (text, HTML, Markdown, DOCX, PDF), and sources.csv."""
