"""Term sheets: loading them with line numbers, their models, and validating them into frozen data."""
