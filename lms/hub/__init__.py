"""The Hub admin shell: what every hub screen shares, and its start page."""
