"""Questions the assistant could not answer: masking, grouping by meaning, staff marks, export."""
