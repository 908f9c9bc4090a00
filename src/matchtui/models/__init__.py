"""Pydantic models: reference data (the catalog) and the applicant's own files."""
