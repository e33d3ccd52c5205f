"""Checking and normalising what visitors type: names, phones, emails, free text."""
