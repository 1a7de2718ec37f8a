"""Chapter 4: shipping the wheels, and the figures of their hardening."""
