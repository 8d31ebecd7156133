def index(r, slug):
    pass


def concept(r, slug, jaar):
    pass


def onderdeel(r, slug, jaar, nummer):
    pass


def voorstel(r, slug, jaar, pk):
    pass
