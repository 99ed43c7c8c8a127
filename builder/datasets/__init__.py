"""Datasets: checked reports to the open data package, an agency's fragment at a time."""
