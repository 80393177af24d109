"""The application layer: the use cases between the screens and the store, plain Python, no
Textual. Screens and commands call it and show what it hands back; it reads and writes through
the store and works figures out with the core."""
