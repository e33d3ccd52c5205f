"""What the booking request says that its actions build, in English and Spanish.

The form's questions and its fixed answers (cancelled, help after misses) are
responses in `domain.yml/booking.yml`; everything here is said by the validation of an answer,
the summary or the confirmation. The Spanish carries the English facts and no others.
"""

from __future__ import annotations

from clinic.text.wording import Wording

# Validation of the visitor's answers (clinic/text/validation.py).
PHONE_MISSING = Wording("Please give a phone number.", "Por favor, indique un número de teléfono.")
PHONE_TOO_LONG = Wording(
    "That phone number is too long. Please give just the number.",
    "Ese número de teléfono es demasiado largo. Por favor, indique solo el número.",
)
PHONE_LETTERS = Wording(
    "Please write the phone number with digits only; an extension may follow, as in "
    "(914) 555-0123 ext. 12.",
    "Por favor, escriba el número de teléfono solo con dígitos; puede añadir la extensión, "
    "por ejemplo (914) 555-0123 ext. 12.",
)
PHONE_UNREADABLE = Wording(
    "That does not look like a phone number. Please include the area code, "
    "for example (914) 555-0123.",
    "Eso no parece un número de teléfono. Por favor, incluya el código de área, "
    "por ejemplo (914) 555-0123.",
)
PHONE_EXTENSION = Wording(
    "That extension doesn't look right. Please give the number and an extension of up to "
    "7 digits, as in (914) 555-0123 ext. 12.",
    "Esa extensión no parece correcta. Por favor, indique el número y una extensión de hasta "
    "7 dígitos, por ejemplo (914) 555-0123 ext. 12.",
)
PHONE_INVALID = Wording(
    "That phone number is not complete or not valid. Please include the area code, "
    "for example (914) 555-0123, or a + and the country code for a number abroad.",
    "Ese número de teléfono no está completo o no es válido. Por favor, incluya el código de "
    "área, por ejemplo (914) 555-0123, o un + y el código del país si es un número del "
    "extranjero.",
)
PHONE_PREMIUM_RATE = Wording(
    "That is a premium-rate number, which the front desk does not call.",
    "Ese es un número de tarifa especial, al que la recepción no llama.",
)
PHONE_PAGER = Wording(
    "That is a pager number, which cannot take a call back.",
    "Ese es un número de localizador (beeper), que no puede recibir una llamada de vuelta.",
)
PHONE_VOICEMAIL = Wording(
    "That is a voicemail access number, which cannot take a call back.",
    "Ese es un número de acceso al buzón de voz, que no puede recibir una llamada de vuelta.",
)
PHONE_UNCALLABLE = Wording(
    "{reason} Please give a number the front desk can call.",
    "{reason} Por favor, indique un número al que la recepción pueda llamar.",
)
EMAIL_MISSING = Wording(
    "Please give an email address.", "Por favor, indique una dirección de correo electrónico."
)
EMAIL_TOO_LONG = Wording(
    "That email address is too long.", "Esa dirección de correo electrónico es demasiado larga."
)
# {problem} is email-validator's own reason, which it gives in English only.
EMAIL_INVALID = Wording(
    "That email address does not look right ({problem}). "
    "Please check it, for example name@example.com.",
    "Esa dirección de correo electrónico no parece correcta ({problem}). "
    "Por favor, revísela, por ejemplo nombre@example.com.",
)
EMAIL_MIXED_SCRIPTS = Wording(
    "The part of that email address after the @ mixes letters of different alphabets "
    "(for example a Cyrillic letter among Latin ones), as look-alike addresses do. "
    "Please type it again.",
    "La parte de esa dirección de correo electrónico después de la @ mezcla letras de "
    "alfabetos distintos (por ejemplo, una letra cirílica entre letras latinas), como hacen "
    "las direcciones que imitan a otras. Por favor, escríbala de nuevo.",
)
EMAIL_CHECK = Wording(
    "Please check that email address.",
    "Por favor, revise esa dirección de correo electrónico.",
)
PATIENT_STATUS_UNCLEAR = Wording(
    "Please tell me whether you are a new or a returning patient.",
    "Por favor, dígame si es paciente nuevo o si ya es paciente.",
)
CONCERN_CHOICE = Wording(
    "Please choose neck, lower back or something else.",
    "Por favor, elija cuello, espalda baja u otra cosa.",
)
NAME_EXAMPLE = Wording(
    "Please tell me your full name, for example Jane Doe.",
    "Por favor, dígame su nombre completo, por ejemplo María López.",
)
NAME_MISSING = Wording("Please tell me your name.", "Por favor, dígame su nombre.")
NAME_TOO_LONG = Wording(
    "Please keep your name under {limit} characters.",
    "Por favor, escriba su nombre con menos de {limit} caracteres.",
)
NAME_NO_LETTERS = Wording(
    "Please tell me your name using letters.", "Por favor, escriba su nombre con letras."
)
NAME_CHARACTERS = Wording(
    "Please give your name with letters only (hyphens and apostrophes are fine).",
    "Por favor, escriba su nombre solo con letras (los guiones y apóstrofos están bien).",
)
FREE_TEXT_MISSING = Wording("Please tell me the {what}.", "Por favor, indíqueme {what}.")
FREE_TEXT_TOO_LONG = Wording(
    "Please keep the {what} under {limit} characters.",
    "Por favor, escriba {what} con menos de {limit} caracteres.",
)
CONSENT_NEEDED = Wording(
    "I can only pass your request to the front desk if you agree that the clinic keeps your "
    "details for that.",
    "Solo puedo pasar su solicitud a la recepción si acepta que la clínica guarde sus datos "
    "para eso.",
)
CONTACT_MISSING = Wording(
    "Please give a phone number or an email address to reach you.",
    "Por favor, indique un número de teléfono o una dirección de correo electrónico para "
    "contactarle.",
)
# What the free-text questions ask for, as the two messages above name it.
WHAT_CONCERN = Wording("concern", "el motivo de la consulta")
WHAT_DAYS_AND_TIMES = Wording("days and times", "los días y horas")

# The form's own replies (actions/booking_form.py).
CONTACT_UPDATED = Wording(
    "Thanks, I've updated your contact details.",
    "Gracias, he actualizado sus datos de contacto.",
)
NAME_UPDATED = Wording(
    "Thanks, I've changed the name to {name}.",
    "Gracias, he cambiado el nombre a {name}.",
)
CONCERN_UPDATED = Wording(
    "Thanks, I've changed what the request is about.",
    "Gracias, he cambiado el motivo de la solicitud.",
)
CONTACT_NEEDED = Wording(
    "I need a phone number or an email address, for example (914) 555-0123 or name@example.com.",
    "Necesito un número de teléfono o una dirección de correo electrónico, por ejemplo "
    "(914) 555-0123 o nombre@example.com.",
)
TIME_UPDATED = Wording(
    "Thanks, I've changed the days and times to: {time}.",
    "Gracias, he cambiado los días y horas a: {time}.",
)
CONCERN_NEEDED = Wording(
    "Please tell me what you would like help with.",
    "Por favor, dígame con qué le gustaría que le ayudemos.",
)
TIME_NEEDED = Wording(
    'Please tell me which days and times suit you, or "any time".',
    'Por favor, dígame qué días y horas le quedan bien, o "cualquier momento".',
)
SEND_IT = Wording(
    "Shall I send it? Please answer yes, or tell me what to change.",
    "¿La envío? Por favor, responda sí, o dígame qué quiere cambiar.",
)
WHAT_TO_CHANGE = Wording("What would you like to change?", "¿Qué le gustaría cambiar?")

# Button titles the actions add (the payloads stay as they are in every language).
BUTTON_CALLBACK = Wording("Request a callback", "Pedir que me llamen")
BUTTON_CANCEL_REQUEST = Wording("Cancel the request", "Cancelar la solicitud")
BUTTON_NECK = Wording("Neck", "Cuello")
BUTTON_LOWER_BACK = Wording("Lower back", "Espalda baja")
BUTTON_SOMETHING_ELSE = Wording("Something else", "Otra cosa")
BUTTON_NEW_PATIENT = Wording("New patient", "Paciente nuevo")
BUTTON_RETURNING_PATIENT = Wording("Returning patient", "Ya soy paciente")
BUTTON_SEND = Wording("Yes, send it", "Sí, envíela")
BUTTON_CHANGE = Wording("Change something", "Cambiar algo")
BUTTON_CANCEL = Wording("Cancel", "Cancelar")

# The summary (clinic/booking/fields.py).
SUMMARY_HEADING = Wording("Here is your request:", "Esta es su solicitud:")
# The summary's question is the consent too: a yes agrees that the clinic keeps the details
# (docs/privacy.md) and sends them; nothing is stored without it.
SUMMARY_QUESTION = Wording(
    "ProClinix keeps these details only so its front desk can contact you about this request. "
    "Shall I send it to the front desk?",
    "ProClinix guarda estos datos solo para que su recepción pueda contactarle sobre esta "
    "solicitud. ¿Se la envío a la recepción?",
)
LABEL_NAME = Wording("Name", "Nombre")
LABEL_CONTACT = Wording("Contact", "Contacto")
LABEL_PHONE_OR_EMAIL = Wording("Phone or email", "Teléfono o correo electrónico")
LABEL_ABOUT = Wording("About", "Motivo")
LABEL_WHAT_ABOUT = Wording("What it's about", "El motivo")
LABEL_PREFERRED_TIME = Wording("Preferred time", "Horario preferido")
LABEL_PATIENT = Wording("Patient", "Paciente")
LABEL_NEW_OR_RETURNING = Wording("New or returning", "Nuevo o ya paciente")
PATIENT_NEW = Wording("New", "Nuevo")
PATIENT_RETURNING = Wording("Returning", "Ya es paciente")

# The confirmation and what happens next (actions/submit.py, clinic/booking/conversation.py).
FOLLOW_UP_UNKNOWN_HOURS = Wording(
    "Our front desk will contact you to find a time.",
    "Nuestra recepción le contactará para encontrar un horario.",
)
FOLLOW_UP_OPEN = Wording(
    "Our front desk is open now and will contact you to find a time.",
    "Nuestra recepción está abierta ahora y le contactará para encontrar un horario.",
)
FOLLOW_UP_CLOSED = Wording(
    "Our front desk is closed right now and will contact you when it reopens.",
    "Nuestra recepción está cerrada en este momento y le contactará cuando vuelva a abrir.",
)
FOLLOW_UP_REOPENS = Wording(
    "Our front desk is closed right now; they will contact you after they open on "
    "{day} at {time}.",
    "Nuestra recepción está cerrada en este momento; le contactarán después de abrir el "
    "{day} a las {time}.",
)
WEEKDAYS = (
    Wording("Monday", "lunes"),
    Wording("Tuesday", "martes"),
    Wording("Wednesday", "miércoles"),
    Wording("Thursday", "jueves"),
    Wording("Friday", "viernes"),
    Wording("Saturday", "sábado"),
    Wording("Sunday", "domingo"),
)
CLOSED_ALL_DAY = Wording("closed", "cerrado")
# The front desk's configured contact details and hours (clinic_details_text).
REACH_FRONT_DESK = Wording(
    "You can reach the front desk by {contact}.",
    "Puede comunicarse con la recepción por {contact}.",
)
OPENING_HOURS = Wording("Opening hours: {hours}.", "Horario de atención: {hours}.")
STORED = Wording(
    "Thank you, {first_name}. Your request is with our front desk, reference {reference}. "
    "{follow_up} This is a request, not a confirmed appointment yet. {kept}",
    "Gracias, {first_name}. Su solicitud ya está con nuestra recepción, referencia "
    "{reference}. {follow_up} Esto es una solicitud, todavía no una cita confirmada. {kept}",
)
ALREADY_STORED = Wording(
    "We already have this request from you, {first_name}: reference {reference}. {follow_up}",
    "Ya tenemos esta solicitud suya, {first_name}: referencia {reference}. {follow_up}",
)
SPOOLED = Wording(
    "Thank you, {first_name}. Our system can't reach the front desk's list right now, so I've "
    "kept your request safely and it will be passed on as soon as it's back. Your reference is "
    "{reference}. If it's urgent, {direct_contact} {kept}",
    "Gracias, {first_name}. Nuestro sistema no puede llegar ahora a la lista de la recepción, "
    "así que he guardado su solicitud de forma segura y se pasará en cuanto vuelva a funcionar. "
    "Su referencia es {reference}. Si es urgente, {direct_contact} {kept}",
)
NOT_SAVED = Wording(
    "Sorry, {first_name}, I couldn't save your request just now. Please try again in a little "
    "while, or {direct_contact}",
    "Lo siento, {first_name}, no he podido guardar su solicitud en este momento. Por favor, "
    "inténtelo de nuevo dentro de un rato, o {direct_contact}",
)
NOT_SENT = Wording(
    "Sorry, I couldn't send that request. {problem}",
    "Lo siento, no he podido enviar esa solicitud. {problem}",
)
CAPPED = Wording(
    "Sorry, {first_name}. {cap} If it's urgent, {direct_contact}",
    "Lo siento, {first_name}. {cap} Si es urgente, {direct_contact}",
)
CAP_ONE = Wording(
    "This chat has already sent 1 booking request to the front desk today, which is as many "
    "as I can pass on, so I haven't sent this one. The front desk will get in touch about the "
    "requests they have.",
    "Este chat ya ha enviado hoy 1 solicitud de cita a la recepción, que es todo lo que puedo "
    "pasar, así que no he enviado esta. La recepción se pondrá en contacto sobre las "
    "solicitudes que tiene.",
)
CAP_MANY = Wording(
    "This chat has already sent {limit} booking requests to the front desk today, which is as "
    "many as I can pass on, so I haven't sent this one. The front desk will get in touch about "
    "the requests they have.",
    "Este chat ya ha enviado hoy {limit} solicitudes de cita a la recepción, que es todo lo "
    "que puedo pasar, así que no he enviado esta. La recepción se pondrá en contacto sobre las "
    "solicitudes que tiene.",
)
KEPT = Wording(
    "The front desk keeps your details with this request for up to {days} days; this chat's "
    "record no longer holds them.",
    "La recepción guarda sus datos con esta solicitud durante un máximo de {days} días; el "
    "registro de este chat ya no los tiene.",
)
DIRECT_CONTACT = Wording(
    "you can reach the clinic directly by {contact}.",
    "puede comunicarse directamente con la clínica por {contact}.",
)
DIRECT_LOCATION = Wording(
    "please contact the clinic in {location} directly.",
    "por favor, comuníquese directamente con la clínica en {location}.",
)
CONTACT_PHONE = Wording("phone {phone}", "teléfono {phone}")
CONTACT_EMAIL = Wording("email {email}", "correo electrónico {email}")
