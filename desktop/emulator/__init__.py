"""The built-in neuroflash-compatible HTTP server, used for demo mode and for every test.
Pure FastAPI/uvicorn/Pillow: it imports no Qt and nothing from desktop.ui, services or api."""

from desktop.emulator.config import EmulatorConfig
from desktop.emulator.demo_data import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from desktop.emulator.server import EmulatorServer, start_server
from desktop.emulator.state import EmulatorState

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "EmulatorConfig",
    "EmulatorServer",
    "EmulatorState",
    "start_server",
]
