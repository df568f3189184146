"""Making images: the generate panel, prompt box, jobs panel and what a running job shows."""
