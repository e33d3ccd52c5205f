"""Extensions the Rasa server loads by module path (the repository root is on PYTHONPATH under
`make run`): the tracker store that forgets a finished booking request (named in the endpoints
files) and the REST and socket.io channels with a message size limit (named in
credentials.yml). Importing the package changes nothing in Rasa: those classes call
patches.install() when Rasa builds them, which puts in the project's changes to Rasa's own code
(the action-response check and the turn gate; see patches.py) and the log filter that keeps
the text of a message starting with `/` out of Rasa's log (log_privacy.py). run.py starts the
Rasa server for production with them (`python -m rasa_server_plugins.run`)."""
