"""neuroflash Desktop: generate, browse, edit and drag out images with the neuroflash API.

Layers (dependencies point one way): ``api`` (client, no Qt) and ``emulator`` (built-in
server, no Qt) at the bottom; ``services`` (credentials, caches, export, settings; QtCore at
most); ``ui`` on top, the only package that imports QtWidgets.
"""

__version__ = "0.1.0"
