"""Extensions the Rasa server loads by module path (the repository root is on PYTHONPATH under
`make run`): the tracker store that forgets a finished booking request (named in the endpoints
files) and the REST and socket.io channels with a message size limit (named in
credentials.yml). Importing either also makes Rasa check action-server answers with a validator
built once (action_response.py)."""

from rasa_server_plugins.action_response import install

install()
