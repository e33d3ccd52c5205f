"""Extensions the Rasa server loads by module path (the repository root is on PYTHONPATH under
`make run`): the tracker store that forgets a finished booking request (named in the endpoints
files) and the REST and socket.io channels with a message size limit (named in
credentials.yml). Importing either also makes Rasa check action-server answers with a validator
built once (action_response.py), lets only a few turns at once do their CPU work
(turn_gate.py) and keeps the text of a message starting with `/` out of Rasa's log
(log_privacy.py)."""

from rasa_server_plugins import action_response, log_privacy, turn_gate

action_response.install()
turn_gate.install()
log_privacy.install()
