"""Conversations as the tracker store keeps them: reading its events, its index, transcripts."""
