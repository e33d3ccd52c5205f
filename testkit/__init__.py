"""What tests/ and bench/ share: the assistant stack starter, generated staff data, the scripted
booking visitor, fixtures of the leads store and the staff page."""
