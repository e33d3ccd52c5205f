"""Extensions the Rasa server loads by module path from endpoints.yml (the repository root is on
PYTHONPATH under `make run`): the tracker store that forgets a finished booking request."""
