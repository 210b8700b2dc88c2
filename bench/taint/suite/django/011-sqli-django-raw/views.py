from django.http import JsonResponse

from .models import Book


def author_books(request, author):
    books = Book.objects.raw("SELECT * FROM library_book WHERE author_name = '%s'" % author)  # expect: CWE-89
    return JsonResponse({"titles": [b.title for b in books]})
