"""Text as the assistant reads it: checking and normalising what visitors type, finding contact
details, and the MiniLM sentence encoder the NLU pipeline and the staff pages share."""
