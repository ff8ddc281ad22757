"""Reports: the terminal views, the paper and the classroom worksheet."""
