"""The clause library: clause files, family manifests, figures, and where they live on disk."""
