"""Writers read the document model and produce files; only writers.docx knows python-docx."""
