"""What every screen area shares: message bar, overlay, notifier, thumbnail loader, formatting."""
