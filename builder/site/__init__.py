"""The site: pages, search and comparisons rendered from the data package."""
