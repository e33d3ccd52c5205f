"""The booking request: its fields, the conversation that collects it, the body regions."""
