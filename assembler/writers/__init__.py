"""Writers read the document model and produce files. Only writers.shell uses python-docx and
docxtpl for drafts (once per house template); review_docx builds the review pack with python-docx."""
