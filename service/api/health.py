"""GET /health: liveness, and how much the service holds."""

from __future__ import annotations

from service.api.base import Blueprint, services
from service.schemas import HealthSchema

blp = Blueprint("health", __name__, description="Liveness and counts.")


@blp.get("/health")
@blp.response(200, HealthSchema)
def health():
    """Whether the service is up, with its article, statement and speaker counts and index size."""
    return services().health()
