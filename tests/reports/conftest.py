import pytest

from packet_sample import make_packet


@pytest.fixture
def packet(ledger, tmp_path):
    """The sample ledger's 2025 review packet with five photos and a PDF (packet_sample)."""
    return make_packet(ledger, tmp_path)
