"""Booking requests ("leads") collected by the assistant for the front desk."""
