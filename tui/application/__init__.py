"""The application layer: the use cases between the screens and the store, plain Python, no
Textual. Screens forward what the lifter asked for and render the typed results."""
