"""Command line and Streamlit explorer."""
