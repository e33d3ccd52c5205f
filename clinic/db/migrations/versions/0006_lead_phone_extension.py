"""The extension of an office line a lead gave ("914-555-0123 ext 12"), digits only: the front
desk needs it to reach the visitor. Leads stored before this revision have none.

Revision ID: 0006_lead_phone_extension
Revises: 0005_lead_language
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_lead_phone_extension"
down_revision = "0005_lead_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("leads", sa.Column("phone_extension", sa.String(length=7), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("leads") as table:
        table.drop_column("phone_extension")
