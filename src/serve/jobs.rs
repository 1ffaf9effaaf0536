//! Long jobs of the work pages (build, pack, verify) and their progress.
