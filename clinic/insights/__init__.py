"""What the front desk learns from the conversations and leads: the dashboard, the daily
summary, the questions the assistant could not answer."""
