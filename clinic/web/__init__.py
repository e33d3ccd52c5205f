"""Web front ends: the demo clinic site with the chat widget, and the front-desk leads page."""
