def news_load(*, municipality, process, today) -> None:
    """Sample news of the information campaign (filled in by the news app)."""
