"""The red-flag list in Spanish: the categories of red_flags.py, as Spanish speakers write them.

Text is lower-cased and its accents dropped before matching ("año" is "ano", "daño" "dano"), since
visitors often leave accents out; a few everyday spellings are folded too ("q" for "que", "x" for
"por"). A rule is one pattern matched inside one clause, or a sign of several parts (fever with a
stiff neck), each part found anywhere in the message. A match or a part is dropped when a negation
stands just before it in its clause ("no tengo dolor en el pecho", "sin fiebre"), when its clause
dates it ("tuve un infarto hace años"), or when the message asks about the sign in general ("¿cuáles
son las señales de alarma?", "¿qué hago si me da fiebre?"). Urgent-care rules for lasting
conditions hold in the past ("tuve cáncer hace cinco años" makes new back pain urgent).

A crisis finding is dropped only by an explicit denial ("no quiero hacerme daño"), a question
about crises in general, a crisis told as over ("hace años intenté suicidarme; hoy estoy bien"),
or a figure of speech ("me muero de dolor"): "ya no quiero vivir" is a crisis.

Plain Python with no Rasa import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from clinic.triage.red_flags import Finding, find_red_flags
from clinic.triage.tiers import CRISIS, EMERGENCY, URGENT_CARE, Tier

ME = r"(?:me|le|se me|se le|te|se te)"
CAN_NOT = (
    r"(?:no (?:puedo|puede|podia|pude|pudo|he podido|ha podido|consigo|logro|puedes|pueda|pueden"
    r"|podemos))"
)
SUDDEN = (
    r"(?:de repente|de golpe|derepente|repentin\w*|subit\w*|de la nada|sin aviso|hace (?:un )?rato"
    r"|de momento|de pronto|de un (?:momento|segundo) a otro|en (?:un )?segundos?"
    r"|hace (?:\d+|unos|unas|media) minutos?)"
)
# Up to 30 characters within one phrase ("duermo de pecho y me duele el cuello" is no chest pain).
NEAR = r"(?:(?!\by\b|\bpero\b|\bcuando\b|\bhasta\b).){0,30}"
NOW = (
    r"(?:de repente|de golpe|derepente|repentin\w*|subit\w*|ahorita|ahora mismo|hace (?:un )?rato"
    r"|hace (?:\d+|unos|unas|media) (?:minutos?|horas?)|esta (?:manana|tarde|noche)|hoy|anoche"
    r"|desde ayer|de la nada|sin aviso|en este momento)"
)
NUMB_ONLY = (
    r"(?:dormid[oa]s?|se (?:me|le) (?:duerme|durmio|duermen|durmieron)|adormecid[oa]s?"
    r"|adormec\w*|entumid[oa]s?|entumecid[oa]s?|entumec\w*|entumi\w*|insensible\w*"
    r"|no (?:siento|sienta|sentia|senti|siente) (?!nada (?:raro|extrano|malo|fuera de))(?:nada"
    r"|el papel|la taza|el asiento)?"
    r"|sin (?:sensibilidad|sensacion|sentir)|perdi\w* (?:la )?sensibilidad|durmiendo"
    r"|anestesi\w*|acorchad[oa]s?|como muert[oa]s?|sin sentir nada|no (?:la|lo|las|los) siento)"
)
NUMB = rf"(?:{NUMB_ONLY}|hormigue\w*|cosquille\w*|piquetitos|alfileres|agujas)"
GROIN = (
    r"(?:entrepierna|ingle|ingles|zona intima|partes intimas|partes privadas|mis partes|genital\w*"
    r"|alrededor del ano|perine\w*|cuando me limpio|al limpiarme|ahi abajo|alla abajo"
    r"|entre (?:las|mis) piernas|parte (?:interna|de adentro) de (?:los|mis) muslos"
    r"|muslos por dentro|silla de montar|vagina|pene|testiculos|escroto|vulva|la zona de abajo"
    r"|la parte de abajo)"
)
# Tingling in the buttocks is everyday sciatica; only lost feeling there is a saddle sign.
BUTTOCKS = r"(?:nalgas?|gluteos?|pompis|pompas|trasero|sentaderas|cola|colita|culo)"
LEGS = (
    r"(?:(?:las |mis |sus )?(?:dos|ambas) piernas|las piernas|mis piernas|ambos lados|los dos pies)"
)
BOTH_LEGS = (
    r"(?:(?:las |mis |sus )?(?:dos|ambas) piernas|ambos lados|los dos pies|ambos pies"
    r"|piernas\b.{0,25}\b(?:las dos|ambas)\b|(?:una|la) pierna\b.{0,40}\by la otra\b"
    r"|\bno siento las dos\b)"
)
WEAK = (
    r"(?:debil\w*|debilidad|debilit\w*|sin fuerza|no tienen? fuerza|flojas?|flojos?|pesad[oa]s"
    r"|se (?:me|le)"
    r" doblan|no (?:me|le) (?:responden|sostienen|aguantan)|no responden|como de trapo|se vencen"
    r"|se (?:me|le) fue la fuerza|perd\w* (?:la )?fuerza|no (?:tengo|tiene) fuerza"
    r"|se (?:me|le) dobla\w*)"
)
PEE = r"(?:orinar|hacer pipi|hacer del uno|mear|miccionar|hacer pis|hacer chis|hacer de la pipi)"
CHEST_SIGN = (
    r"(?:dolor\w*|duele|doliendo|presion|opresion|apret\w*|aprieta\w*|pesadez|pesa|ardor|punzada\w*"
    r"|fierro|oprime|oprimiendo|estrujando|apreton\w*"
    r"|elefante|aplast\w*|estruj\w*|oprim\w*|piedra|peso|molestia|puñalada|punalada|quema\w*"
    r"|pinchazo\w*|tension|arde|ardiendo)"
)
INJURY = (
    r"\bcai\b|choc(?:o|aron|amos|ue|ado)\b|me resbale|resbalon|volc\w*|cayo (?:\w+ ){0,3}encima"
    r"|me pego (?:un|una|el"
    r"|la) (?:carro"
    r"|camion|coche|auto|moto|troca|camioneta)|por detras|me cai\b|se cayo|caida(?! del (?:pelo"
    r"|cabello))|choque|choca\w*|me chocaron|accidente (?:de"
    r"|en) (?:carro|coche|auto|moto"
    r"|trafico|transito|bici\w*|camion)|accidente|atropell\w*|volcadura|me volque|me tire de"
    r"|me tiraron|me tumbaron|me derribaron|me cai de|golpe fuerte|me golpearon|tacleada|tacle\w*"
    r"|me aventaron|me embistio|me pego un carro|tackle\w*|me aplast(?:o|aron)\b|aplastad[oa]"
    r"|(?:lo|la|le) aplasto|cay(?:o|eron|imos) (?:de|desde|en|al|sobre|encima|por)\b"
    r"|se (?:me|le) cayo (?:\w+ ){0,3}(?:encima|en la espalda|sobre)"
)
INJURY_SIGN = (
    rf"{NUMB}|{WEAK}|{CAN_NOT} (?:mover\w*|sentir|caminar|par(?:ar|arme|arse)|levant\w*"
    r"|poner(?:me|se) de pie)|corrientazo\w*|nuca|no (?:siento"
    r"|siente|sentia)|cuello"
    r"|no me puedo mover|paraliz\w*"
)
# A fall or crash told as minor or already checked, or a figure of speech ("siento que me
# atropelló un camión").
TRAUMA_TOLD_OFF = (
    r"\b(?:me|lo|la|le|nos) (?:revisaron|vieron|atendieron|checaron)|todo (?:salio|estaba|esta)"
    r" bien|(?<!al principio )estaba bien|\bleve\b|choquecito|a \d+ (?:millas|km)|sin (?:golpes"
    r"|lesiones)"
    r"|(?:siento|parece) (?:que|como si) me (?:atropell|hubiera atropell|paso encima)\w*"
    r"|como si me (?:hubiera )?(?:atropell|arroll)\w*"
)
TEAR = r"(?:desgarr\w*|rasg\w*|arranc\w*|partier\w*|abrier\w*|rompier\w*|rompen|rompiendo)"
TORSO = r"(?:espalda|pecho|omoplatos|paletillas|escapulas|hacia atras|abdomen|panza|barriga)"
HEAD_HIT = (
    r"(?:cay\w*|choc\w*|caer|tiro|cai)\b.{0,30}\bde cabeza\b|\b(?:se|me) (?:dio|di|pego|pegue)"
    r" (?:\w+ )?en la (?:frente|nuca|cabeza|sien)|\bcon (?:un|una) \w+ en la cabeza|(?:golpe\w*"
    r"|pegue|pego|di|dio|azote|azoto|trancazo|madrazo|chingadazo|porrazo)\b.{0,25}"
    r"\bcabeza\b|\bcabeza\b.{0,15}\b(?:golpe\w*|contra)|\bcabezazo\b|traumatismo craneal"
    r"|contusion (?:en la )?cabeza"
)
NECK_CARE = (
    r"sonar\w*|sonaron|cruj\w*|ajuste|ajusto|ajustaron|tronar\w*|trono|tronaron|truene"
    r"|despues de lo (?:del|de mi|de su) (?:cuello|ajuste|sesion)|tras el ajuste"
    r"|manipul\w*|masaje|quiropract\w*"
    r"|sobador|sobaron|sobada|me estiraron|me jalaron|despues (?:de|del) (?:la |mi )?(?:sesion"
    r"|tratamiento|terapia|cita|art)"
)


@dataclass(frozen=True)
class RuleEs:
    category: str
    tier: Tier
    # One pattern matched in one clause, or parts each found anywhere in the message.
    patterns: tuple[re.Pattern[str], ...]
    together: bool = False
    # Rules for lasting conditions (a cancer history) hold even when the clause is in the past.
    past_counts: bool = False
    # A clause holding this does not count for the rule (another person's cancer, a diet).
    unless: re.Pattern[str] | None = None


def _any(
    category: str, tier: Tier, *patterns: str, past_counts: bool = False, unless: str | None = None
) -> RuleEs:
    """One pattern, any of these, in one clause."""
    joined = "|".join(f"(?:{pattern})" for pattern in patterns)
    return RuleEs(
        category,
        tier,
        (re.compile(joined),),
        past_counts=past_counts,
        unless=re.compile(unless) if unless else None,
    )


def _all(
    category: str, tier: Tier, *parts: str, past_counts: bool = False, unless: str | None = None
) -> RuleEs:
    """Every part, each anywhere in the message (in any clause that neither negates nor dates
    it)."""
    compiled = tuple(re.compile(rf"\b(?:{part})") for part in parts)
    return RuleEs(
        category,
        tier,
        compiled,
        together=True,
        past_counts=past_counts,
        unless=re.compile(unless) if unless else None,
    )


RULES_ES: tuple[RuleEs, ...] = (
    _any(
        "suicidal_thoughts",
        CRISIS,
        r"\b(?:matarme|matarse|matarte|me (?:voy a|quiero|queria|pienso|podria) matar"
        r"|suicid(?:arme|arse|arte|ar|io|ios|a|as|ado|ada|aria)\b|quitar(?:me|se|te)? la vida"
        r"|acabar con (?:mi|su) vida|terminar con (?:mi"
        r"|su) vida|acabar con todo|terminar con todo|quitarme de en medio"
        r"|(?:me|se) (?:quiero|quiere|queria) morir|quiero morir\w*|quiero estar muert[oa]"
        r"|quisiera (?:estar muert[oa]|morir\w*|no despertar|desaparecer|no existir"
        r"|no haber nacido)"
        r"|(?:seria |estaria )?mejor (?:estar|estaria|si estuviera) muert[oa]|mejor me muero"
        r"|no (?:quiero|quisiera|deseo) (?:seguir )?(?:vivir|viviendo|despertar|existir|estar aqui"
        r"|estar vivo|estar viva|seguir aqui)\b"
        r"|(?:no (?:le )?(?:veo|encuentro|tiene) (?:el )?sentido (?:a|de) (?:la vida|vivir|seguir))"
        r"|sentido (?:a|de) seguir viviendo|no vale la pena (?:vivir|seguir)"
        r"|ganas de (?:morir\w*|no vivir|desaparecer|matarme|no despertar)"
        r"|dejar de existir|irme de este mundo|desaparecer para siempre|(?:estarian|estaria|estan)"
        r" mejor sin mi|mejor sin mi|carta de despedida|despedirme de todos|no despertar nunca"
        r"|no despertar mas|(?:tirarme|aventarme|lanzarme) (?:de|del|desde|a|al|bajo|por) (?:un "
        r"|el |la"
        r" |una )?(?:puente|edificio|azotea|balcon|ventana|techo|vias|tren|metro|carro|camion"
        r"|coche)"
        r"|colgarme|ahorcarme|pegarme un tiro|darme un tiro|volarme la cabeza"
        r"|tomarme todas (?:las|mis) pastillas|todas las pastillas (?:de golpe|juntas|a la vez)"
        r"|el frasco entero"
        r"|pensamientos (?:de muerte|de morir|oscuros de)|ideas de (?:muerte|morir|quitarme)"
        r"|quiero que todo (?:termine|se acabe)|ya no aguanto (?:vivir|la vida|mas la vida"
        r"|estar vivo)"
        r"|se (?:va|quiere) (?:a )?matar|usarla conmigo)",
        r"\b(?:pistola|arma|revolver|cuchillo|navaja|escopeta|rifle)\b.{0,40}\b(?:en la mano"
        r"|conmigo|en mi mano|aqui|a mi lado|cargad[oa]"
        r"|cargada|apuntando|en la cabeza|frente a mi)\b",
    ),
    _any(
        "self_harm",
        CRISIS,
        r"\b(?:hacerme dano|hacerse dano|hacerme da\w+o|me hago dano|me hice dano a proposito"
        r"|lastimarme|lastimarse|me lastimo a proposito|me lastimo (?:yo )?mism[oa]"
        # The pronoun before the wish ("me quiero hacer dano", "me quiero lastimar").
        r"|me (?:quiero|quisiera) (?:hacer dano|hacer da\w+o"
        r"|lastimar(?! (?:a|al|la|el|los|las|mi|mis)\b))"
        r"|me (?:estoy )?(?:corto|cortando|corte)\b(?! (?:el pelo|el cabello|las unas|la mano con"
        r"|el dedo|un dedo|la yema"
        r"|con un papel|cocinando|pelando|rasurando|afeitando))"
        r"|cortarme(?! el pelo| el cabello| las unas)|autolesi\w*|me (?:quemo|quemaba|pego|golpeo)"
        r" (?:a proposito|yo mism[oa]|para sentir)|me rasguno hasta sangrar"
        r"|me (?:hago|hice) cortes|cortes en (?:los brazos|las piernas|las munecas)"
        r"|(?:cortando(?:me|se)?|se corta|me corto) (?:los brazos|las munecas|las piernas"
        r"|la piel))",
        r"\ba proposito\b.{0,40}\b(?:pastillas|me (?:corto|quemo|pego|golpeo|lastimo)|cortes"
        r"|quemaduras)|\b(?:me tome|se tomo|tome) .{0,40}\bpastillas\b.{0,30}\ba proposito\b",
        past_counts=True,
    ),
    _any(
        "chest_pain",
        EMERGENCY,
        rf"\bpecho\b{NEAR}\b{CHEST_SIGN}",
        rf"\b{CHEST_SIGN}.{{0,35}}\b(?:en|del|de|al|el|mi|su|sobre|atraves del) (?:el |mi |su "
        rf"|la )?"
        r"pecho\b",
        r"\b(?:dolor|presion|opresion) (?:toracic\w*|precordial)",
        r"\b(?:infarto(?! cerebral)|ataque al corazon|ataque cardiaco|paro cardiaco|angina"
        r"|dolor de corazon|me duele el corazon)\b"
        r"(?! (?:de|al) (?:ver|saber|pensar|oir|escuchar))",
        r"\b(?:dolor|presion|opresion|duele|molestia)\b.{0,40}\b(?:baja|va|corre|pasa|sube|irradia"
        r"|extiende|llega|se corre)\w*\b.{0,20}\b(?:brazo izquierdo|mandibula|quijada)\b",
        r"\bcomo si (?:me )?(?:estuvieran|tuviera|tuviese|hubiera) .{0,25}\b(?:sentado|encima"
        r"|aplast"
        r"\w*|apretando)\b.{0,20}\bpecho\b",
        r"\bnitroglicerina\b|\bse queja (?:del|de dolor (?:de|en el)) pecho\b",
    ),
    _any(
        "breathing",
        EMERGENCY,
        rf"\b{CAN_NOT} (?:respirar|jalar aire|agarrar aire|tomar aire|recuperar el (?:aire"
        rf"|aliento))",
        r"\b(?:me|le|nos) (?:falta|faltaba|falto|hace falta) (?:el )?(?:aire|aliento"
        r"|la respiracion)",
        r"\bfalta de (?:aire|aliento)\b|\bsin (?:poder )?respirar\b",
        r"\bno (?:me|le) (?:entra|llega|pasa|alcanza) (?:el |suficiente )?(?:aire|oxigeno)\b",
        r"\b(?:me|se|le|te) (?:esta |estoy |estaba )?(?:ahog\w*|asfixi\w*)|\bme asfixio\b"
        r"|\bahogando(?:me|se)?\b|\basfixiando(?:me|se)?\b",
        r"\b(?:dificultad|problemas?|trabajo|batallo|batallando|lucho) (?:para|al|a la hora de|en)"
        r" respirar\b|\b(?:me|le|te) cuesta (?:mucho |trabajo )?respirar\b|\brespir[oa] (?:con"
        r" (?:mucha )?dificultad|muy rapido|con (?:mucho )?trabajo)\b",
        r"\blabios (?:morados|azules|se (?:me |le )?(?:pusieron|estan poniendo) (?:morados|azules))"
        r"|\b(?:morados|azules) los labios\b|\bse (?:esta|puso) (?:morad[oa]|azul)\b",
        r"\bno (?:puedo|puede) (?:terminar|completar|decir) (?:una )?(?:frase|oracion)"
        r"|\bjadea\w*|\bsin aliento\b|\bcrisis de asma\b|\bataque de asma\b"
        r"|\boxigenacion\b.{0,20}\b(?:baja|[5-8]\d)\b|\bsaturacion\b.{0,20}\b(?:baja|[5-8]\d)\b"
        r"",
        r"\bse (?:me|le) (?:va|fue|corta|cierra) (?:el aire|la respiracion)\b"
        r"|\bno (?:agarro|agarra|jalo|jala|alcanzo a agarrar) (?:el )?aire\b"
        r"|\bno respir[oa] bien\b",
    ),
    _any(
        "stroke",
        EMERGENCY,
        r"\b(?:cara|boca|sonrisa) (?:caida|torcida|chueca|de lado|desviada|colgada"
        r"|dormida de un lado)"
        r"|\bse (?:me|le) (?:cayo|cae|esta cayendo|durmio|torcio|fue de lado) (?:un lado de )?(?:la"
        r" cara|la boca|el labio|la mitad de la cara)\b|\bun lado de la cara\b"
        r"|\bmitad de la cara\b|\bla cara (?:de un lado|chueca|caida|torcida)",
        rf"(?:{NUMB_ONLY}|{WEAK}|paraliz\w*).{{0,25}}\b(?:(?:todo )?el lado (?:izquierdo|derecho)"
        r"|un lado del cuerpo|medio cuerpo|la mitad del cuerpo)\b",
        r"\b(?:derrame cerebral|embolia|ictus|infarto cerebral|accidente cerebro ?vascular|acv"
        r"|avc)\b",
        r"\bhabl\w* (?:raro|enredado|arrastrado|arrastrando|trabado|chistoso|como borracho)"
        r"|\barrastr\w* las palabras\b|\bno (?:me|le) salen las palabras\b"
        r"|\bse (?:me|le) traba la lengua\b|\bno (?:se le|se me) entiende (?:nada|lo que)"
        r"|\blengua trabada\b|\bde repente no (?:puedo|puede) hablar\b|\bdejo de hablar\b",
        rf"\b{SUDDEN}\b.{{0,40}}\b(?:brazo|mano|pierna)\b.{{0,25}}(?:{NUMB_ONLY}|{WEAK}|no (?:lo"
        rf"|la)"
        r" (?:puedo|puede) (?:mover|levantar)|no (?:me|le) responde)",
        rf"\b(?:brazo|mano)\b.{{0,25}}(?:{NUMB_ONLY}|{WEAK}|no (?:lo|la) (?:puedo|puede) (?:mover"
        rf"|levantar)|no (?:me|le) responde).{{0,40}}\b{SUDDEN}",
        rf"\b{SUDDEN}\b.{{0,20}}{CAN_NOT} (?:mover|levantar|sentir|apretar) (?:el brazo|la mano"
        r"|un lado|el lado|la pierna|medio cuerpo)\b",
        r"\bno (?:puedo|puede) mover (?:el brazo|la mano|un lado)\b.{0,30}\b(?:de repente|de golpe)"
        r"|\b(?:lado (?:izquierdo|derecho) del cuerpo|un lado del cuerpo|medio cuerpo)\b"
        r".{0,30}(?:" + NUMB_ONLY + "|" + WEAK + r"|paraliz\w*|no (?:puedo|puede) mover)",
        r"\bperd\w* (?:la vista|la vision)\b|\bno veo (?:nada )?(?:de|con) un ojo\b"
        r"|\bse (?:me|le) (?:nublo|fue|apago) la vista de (?:repente|golpe)"
        r"|\bvision borrosa de (?:repente|golpe)|\bde repente no veo\b|\bse quedo ciego\b"
        r"|\bno mueve la mano\b|\bno (?:entiende|entiendo) lo que (?:le|me) dicen\b",
    ),
    _any(
        "cauda_equina",
        EMERGENCY,
        rf"{NUMB}.{{0,35}}\b{GROIN}\b",
        rf"\b{GROIN}\b.{{0,35}}{NUMB}",
        rf"{NUMB_ONLY}.{{0,20}}\b{BUTTOCKS}\b",
        rf"\b{BUTTOCKS}\b.{{0,30}}{NUMB_ONLY}",
        rf"{CAN_NOT} (?:{PEE}|controlar (?:la vejiga|el intestino|la orina|los esfinteres|el"
        r" esfinter|el pipi|las heces|mis necesidades|el bano)|aguantar (?:la orina|el pipi"
        r"|las heces"
        r"|las ganas))",
        r"\bno (?:he|ha) (?:orinado|hecho pipi|meado|podido orinar)\b|\bno orino desde\b"
        r"|\bno me sale (?:la orina|el pipi|nada)\b|\bretencion (?:de orina|urinaria)\b",
        r"\bse (?:me|le) (?:orina|sale el pipi|salio el pipi)\b",
        r"\b(?:me|se) (?:orine|orino|hice|hizo|meo|mee|cago|cague|hago|hace) (?:pipi |popo |del"
        r" bano |caca |chis |del uno |del dos )?(?:encima|en (?:los|mis|sus) pantalones|en la cama"
        r"|en la ropa|sin (?:darme cuenta|darse cuenta|querer|sentir))",
        r"\b(?:moje|mojo|mojaba) (?:la cama|los pantalones|mis pantalones)\b",
        r"\bse (?:me|le) (?:sale|salio|escapa|escapo|salen|va|fue) (?:la orina|el pipi|la caca"
        r"|las heces|la popo|el chis)\b",
        r"\bperd\w* (?:el )?control (?:de|del) (?:la vejiga|el intestino|intestino|los esfinteres"
        r"|esfinter|la orina|mis necesidades|los intestinos)",
        r"\bno (?:controlo|controla|controlaba) (?:la vejiga|el intestino|los esfinteres|la orina"
        r"|el pipi|las heces)\b",
        r"\bno (?:tengo|tiene|tenia|tenemos) (?:el |ningun )?control (?:de|del|sobre) (?:la vejiga"
        r"|el intestino|intestino|los esfinteres|esfinter|la orina|las heces)\b",
        r"\bno (?:siento|sentia|siente) (?:cuando|las ganas de|si) (?:orin|hago|tengo que|necesito)"
        r"\w*",
        r"\bincontinencia\b",
        rf"\b{BOTH_LEGS}\b.{{0,35}}(?:{NUMB}|{WEAK})",
        rf"(?:{NUMB}|{WEAK})\b.{{0,35}}\b{BOTH_LEGS}\b",
        r"\bciatica (?:en|de|por) (?:ambos lados|las dos piernas|ambas piernas|los dos lados)\b"
        r"|\bciatica bilateral\b|\bcola de caballo\b",
    ),
    _any(
        "thunderclap_headache",
        EMERGENCY,
        r"\bpeor dolor de cabeza\b|\bdolor de cabeza (?:\w+ ){0,3}(?:de mi vida|que he tenido)"
        r"|\bpeor jaqueca\b|\bpeor migrana\b",
        r"\bdolor de cabeza (?:\w+ )?(?:repentino|subito|de golpe|explosivo|como un (?:trueno|rayo"
        r"|balazo|martillazo|cachetazo|golpe|estallido))",
        r"\b(?:me|le) (?:exploto|estallo|revento) (?:la cabeza|algo en la cabeza)\b"
        r"|\bcomo si (?:me|le) (?:hubiera|fuera a) (?:explotado|estallado|explotar|estallar)"
        r" (?:la cabeza|algo)",
        r"\bnunca (?:habia|he|en mi vida) (?:sentido|tenido) un dolor de cabeza (?:asi|igual|como)",
    ),
    _any(
        "thunderclap_headache",
        EMERGENCY,
        r"^(?=.*\b(?:dolor de cabeza|duele la cabeza|cabeza me|jaqueca|migrana))"
        r"(?=.*\b(?:de repente|de golpe|subit\w*|repentin\w*|en segundos|como un (?:rayo|trueno"
        r"|balazo)))(?=.*\b(?:peor|mas fuerte|insoportable|horrible|brutal|terrible|intens\w*"
        r"|nunca))",
    ),
    _all(
        "meningitis",
        EMERGENCY,
        r"fiebre|calentura|temperatura|febril|3[89](?:[.,]\d)? ?(?:grados|°)|40 ?(?:grados|°)",
        r"cuello (?:\w+ )?(?:tieso|rigido|duro|trabado|engarrotado|tenso como)"
        r"|rigidez (?:en el|del|de|en) cuello|no (?:puedo|puede) (?:doblar|bajar|agachar|mover)"
        r" (?:el cuello|la cabeza)|barbilla (?:al|hacia el) pecho|nuca (?:tiesa|rigida|dura)",
    ),
    _all(
        "meningitis",
        EMERGENCY,
        r"fiebre|calentura|temperatura|febril",
        r"manchas (?:moradas|rojas|oscuras)|puntitos (?:rojos|morados)|petequias|sarpullido"
        r"|erupcion"
        r"|ronchas moradas",
    ),
    _all(
        "meningitis",
        EMERGENCY,
        r"fiebre|calentura",
        r"cuello",
        r"la luz|dolor de cabeza (?:fuerte|terrible|horrible)|confundid\w*|vomit\w*",
    ),
    _all("major_trauma", EMERGENCY, INJURY, INJURY_SIGN, unless=TRAUMA_TOLD_OFF),
    _all(
        "head_injury",
        EMERGENCY,
        HEAD_HIT,
        r"vomit\w*|devolvi\w*|devuelve|guacare\w*|confundid\w*|confusion|desorientad\w*"
        r"|somnolient\w*"
        r"|mucho sueno|no se despierta|perd\w* el conocimiento|desmay\w*|no (?:se acuerda|recuerda"
        r"|me acuerdo)|pupilas|no reconoce|se (?:puso|pone) raro|sangr\w* (?:por|de) (?:la nariz|el"
        r" oido|los oidos)|convuls\w*|me desmaye|vision doble|veo doble",
    ),
    _any(
        "tearing_pain",
        EMERGENCY,
        rf"\b(?:desgarrador\w*|desgarrante"
        rf"|como (?:si )?(?:\w+ ){{0,4}}{TEAR})\b.{{0,60}}\b{TORSO}\b",
        rf"\b{TORSO}\b.{{0,40}}\b(?:desgarrador\w*|como (?:si )?(?:\w+ ){{0,4}}{TEAR})",
        r"\b(?:atraviesa|traspasa|pasa|va|corre)\w* (?:del|desde el) pecho (?:a|hasta|hacia) la"
        r" espalda\b|\bdolor (?:que )?(?:me )?(?:atraviesa|traspasa) (?:hasta|a"
        r"|hacia) la espalda\b",
        r"\bdiseccion (?:aortica|de (?:la )?aorta)|\baneurisma\b",
    ),
    _any(
        "anaphylaxis",
        EMERGENCY,
        r"\b(?:cerrando|cerrada|cerro|cierra|hinchada|hinchando|inflamada|inflamando|apretada)"
        r" (?:la garganta|el cuello por dentro)\b|\bgarganta (?:cerrada|hinchada|se (?:me|le)"
        r" (?:cierra|esta cerrando|cerro|hincho|inflamo)|inflamada|apretada)\b",
        r"\b(?:lengua|labios|parpados) (?:muy )?(?:hinchad|inflamad)\w*|\bse (?:me|le) (?:hincho"
        r"|hincharon|esta hinchando|estan hinchando|inflamo|inflamaron|inflaman|hinchan) (?:toda )?"
        r"(?:la cara|la lengua|los labios|la garganta|los ojos)",
        r"\b(?:anafila\w*|reaccion alergica (?:fuerte|grave|severa|seria)|choque anafilactico"
        r"|shock anafilactico|epinefrina|adrenalina)\b",
        r"\bno (?:puedo|puede) tragar\b.{0,40}\b(?:hinch|inflam|ronchas|alergi)\w*",
    ),
    _all(
        "anaphylaxis",
        EMERGENCY,
        r"ronchas|urticaria|salpullido|sarpullido|comezon|picazon|reaccion alergica|alergia",
        r"respirar|aire|garganta|tragar|lengua|labios|mare\w*|desmay\w*|ahog\w*",
        r"inyeccion|inyectaron|piquete|picadura|abeja|avispa|medicina|medicamento|pastilla|comi"
        r"|cacahuate|mani|mariscos|de repente|ahorita",
    ),
    _any(
        "sudden_paralysis",
        EMERGENCY,
        rf"{CAN_NOT} (?:mover|sentir|levantar) (?:{LEGS}|los brazos|el cuerpo|nada|ni las piernas"
        r"|(?:las )?piernas|de la cintura para abajo)",
        rf"\bno (?:siento|siente|sentia) (?:{LEGS}|(?:las )?piernas|los brazos|el cuerpo|de la"
        r" cintura para abajo|nada de la cintura)",
        r"\b(?:me|se) (?:me |le )?(?:paraliz\w*|quedo paralizad\w*|quede paralizad\w*)"
        r"|\bparalizad[oa]s?\b|\bparalisis\b",
        rf"{CAN_NOT} (?:caminar|pararme|ponerme de pie|sostenerme)\b.{{0,40}}\b{NOW}"
        rf"|\b{NOW}\b.{{0,40}}{CAN_NOT} (?:caminar|pararme|ponerme de pie|sostenerme"
        r"|mover (?:las piernas|el cuerpo|nada|las dos))"
        r"|\blas piernas no (?:me|le) responden\b|\bno (?:me|le) responden las piernas\b",
        r"\bde la cintura para abajo\b.{0,30}(?:" + NUMB_ONLY + r"|no siento|nada)",
    ),
    _any(
        "neck_artery",
        EMERGENCY,
        r"\b(?:veo doble|vision doble|veia doble|ve doble|viendo doble)\b",
    ),
    _all(
        "neck_artery",
        EMERGENCY,
        NECK_CARE,
        r"cuello|nuca|cervical\w*",
        r"mare\w*|vertigo|(?:todo )?(?:me|le) da vueltas|gira todo|no (?:puedo|puede) tragar"
        r"|dificultad para (?:tragar|hablar)|me cai\b|se (?:me|le) doblaron las (?:piernas"
        r"|rodillas)"
        r"|vision|veo|vista|hablar raro|hablo raro|vomit\w*|desmay\w*|no (?:puedo|puede) hablar"
        r"|entumi\w* la cara|adormec\w* la cara",
        r"de repente|de golpe|despues|luego|desde (?:que|el|la)|al (?:salir|terminar)|horrible|muy"
        r"|fuerte|terrible|ahorita|hoy|ayer",
    ),
    _any(
        "other_emergency",
        EMERGENCY,
        r"\b(?:vomit\w*|tos\w*|escup\w*|arroj\w*|devolv\w*) (?:con )?sangre\b|\bsangre al (?:toser"
        r"|vomitar)\b",
        r"\b(?:convulsion\w*|convulsionando|convulsiona\w*|ataque epileptico|crisis convulsiva"
        r"|espuma por la boca)\b",
        r"\b(?:se|me) desmay\w*|\bperd\w* el conocimiento\b|\binconsciente\b|\bse desplom\w*"
        r"|\bno (?:despierta|reacciona)\b|\b(?:esta|quedo) inconsciente\b"
        r"|\bse (?:me|le) (?:fue|va) el mundo\b",
        r"\b(?:sangr\w*) (?:mucho|muchisimo|sin parar|a chorros|bastante)\b|\bno (?:para|deja) de"
        r" sangrar\b|\bhemorragia\b|\bmucha sangre\b|\bcharco de sangre\b",
        r"\bsobredosis\b|\b(?:me|se) (?:tome|tomo|trago|trague) (?:toda la caja|el frasco|todo el"
        r" frasco|un frasco|demasiadas (?:pastillas|pildoras|tabletas)|(?:como )?\d\d+ (?:pastillas"
        r"|pildoras|tabletas|capsulas))",
    ),
    _all("other_emergency", EMERGENCY, r"embarazada", r"sangr\w*"),
    # More ways of telling each sign (the Spanish development set's review, docs/triage.md).
    _any(
        "suicidal_thoughts",
        CRISIS,
        r"\b(?:juntando|guardando|ahorrando|acumulando) (?:\w+ )?pastillas|pastillas guardadas"
        r"|(?:ya )?(?:tengo|se) (?:como|con que) hacerlo|tengo un plan para (?:matarme|morir\w*)"
        r"|(?:dormir\w*|acostarme) y no (?:volver a )?despertar|no volver a despertar"
        r"|no creo que (?:siga|este|vaya a estar) (?:aqui|viv[oa]|en este mundo)"
        r"|(?:bajarme|saltar) o tirarme|o tirarme\b|tirarme o\b|estoy en (?:el|un) puente"
        r"|nadie me extra\w+ si|si (?:yo )?(?:desapareciera|me muriera|ya no estuviera"
        r"|no estuviera)"
        r"|cartas? de despedida|(?:me|se) despid\w* de todos|ya me despedi de|hoy es el dia"
        r"|no aguanto (?:mas )?(?:esta|la) vida|quiero que (?:todo )?(?:se acabe|termine)(?! (?:el"
        r"|este"
        r"|la|esta) (?:dolor|tratamiento|semana))|soy una carga|quitarme del medio"
        r"|regalando mis cosas|ya no (?:las|los) voy a necesitar|ahorc\w*|una soga|la soga"
        r"|me (?:atropell|mat)\w* para no|ojala (?:me muera|no despierte|me atropell\w*)"
        r"|no quiero seguir (?:en este mundo|aqui|con vida|viviendo)|lo mejor (?:es|seria)"
        r" (?:morirme|morir|matarme|desaparecer)|\bmorirme\b|(?:no tengo|sin|perdi las) ganas de"
        r" vivir|pienso (?:mucho )?en la muerte|quiero desaparecer|y no salir(?: nunca)?(?: mas)?\b"
        r"|no (?:pienso|voy a|puedo) seguir viviendo|no tiene (?:caso|sentido) (?:seguir|vivir)"
        r"|no quiero (?:estar|seguir|vivir) en este mundo|(?:que|ojala) me muriera"
        r"|planeando (?:algo|como) (?:para )?(?:matarme"
        r"|morir|acabar)",
    ),
    _any(
        "self_harm",
        CRISIS,
        r"\bcort\w* las munecas|\bcort\w* las venas|\bme (?:pego|golpeo|doy) (?:\w+ ){0,4}contra la"
        r" pared|\bme (?:muerdo|mordi|rasco|rasguno|arano) hasta (?:sangrar|hacerme sangre)"
        r"|\b(?:golpeo|golpee|pego|pegue|lastimo|lastime|corto|corte|quemo|queme|hago dano)\w* a"
        r" (?:mi|si) mism[oa]|\b(?:se|me) quem\w* con (?:el|un|la|una) (?:encendedor|cigarro"
        r"|cerillo"
        r"|plancha|vela)|\bme (?:provoco|hago|causo) (?:heridas|cortes|quemaduras|moretones)"
        r"|\b(?:estoy |esta )?haciendo(?:me|se)? dano|\bme estoy haciendo dano",
        r"\b(?:me|se) (?:queme|quemo|corte|corto|pegue|pego|golpee|golpeo|lastime|lastimo|clave"
        r"|clavo|mordi|muerdo)\w*\b.{0,60}\ba proposito",
        past_counts=True,
    ),
    _any(
        "cauda_equina",
        EMERGENCY,
        r"\bno (?:he|ha) podido (?:\w+ ){0,5}(?:orinar|hacer pipi)",
        r"\bcomo si tuviera anestesia\b",
        rf"\bpiernas (?:{NUMB}|{WEAK})\w* (?:las dos|ambas)\b",
    ),
    _any(
        "chest_pain",
        EMERGENCY,
        r"\b(?:se agarra|se agarro|se toca|se toco|con la mano en|se aprieta) el pecho\b",
    ),
    _any(
        "breathing",
        EMERGENCY,
        r"\b(?:falta|faltaba|falto) (?:\w+ ){1,2}(?:el )?aire\b|\bahogos?\b|\bestoy sin aire\b"
        r"|\bno (?:me |le )?(?:entra|pasa|llega) (?:el )?aire\b|\bsilb\w* (?:el pecho|la garganta)"
        r"|\bcada respiracion\b|\brespir\w* (?:muy )?(?:mal|rapido|agitad\w*"
        r"|con (?:mucho )?esfuerzo)"
        r"|\bse (?:me|le) cierra el pecho\b|\bno respir[oa]\b(?! (?:por la nariz|bien por))"
        r"|\bse le mueve la nariz\b|\bse le hunden las costillas\b"
        r"|\b(?:me|le|te) cuesta (?:\w+ ){1,3}respirar\b",
    ),
    _any(
        "stroke",
        EMERGENCY,
        r"\bse (?:me|le) (?:viro|vira|torcio|desvio|jalo|fue|va) (?:la boca|la cara)"
        r"|\b(?:la cara|la boca) (?:\w+ )?(?:para|hacia|de) un lado\b|\bno (?:puedo|puede) sonreir"
        r"|\bpalabras (?:que no tienen sentido|sin sentido|raras)|\bdice cosas sin sentido"
        r"|\bincoherente\w*|\bno (?:me|le|nos) entiende (?:lo que|nada)|\bse (?:me|le) olvidan las"
        r" palabras|\bno entiend\w* lo que (?:leo|lee)|\blas palabras no (?:me|le) salen"
        r"|\bno (?:puedo|puede) hablar bien\b(?! (?:espanol|ingles|el idioma))"
        rf"|(?:{NUMB_ONLY}|{WEAK})\b.{{0,40}}\bdel mismo lado\b|\bse (?:me|le) fue la vista"
        r"|\bse (?:me|le) cae la mano",
        rf"{CAN_NOT} (?:mover|levantar|subir|sentir) (?:el brazo|la pierna|la mano)\b.{{0,30}}"
        r"\b(?:ni|y) (?:el brazo|la pierna|la mano)\b",
        rf"\b{SUDDEN}\b.{{0,20}}{CAN_NOT} (?:subir|levantar) el brazo",
        rf"{CAN_NOT} (?:subir|levantar) el brazo\b.{{0,40}}\b(?:{SUDDEN}|la boca|la cara)",
    ),
    _any(
        "sudden_paralysis",
        EMERGENCY,
        rf"\b{SUDDEN}\b.{{0,20}}{CAN_NOT} (?:mover|levantar|sentir) los pies",
        r"\bpiernas\b.{0,25}\bno (?:me|le) responden\b",
        r"\bdebilidad (?:subita|repentina|de repente) en (?:las|ambas|las dos) piernas",
    ),
    _any(
        "neck_artery",
        EMERGENCY,
        r"\b(?:veo|ve|veia|viendo) (?:todo )?(?:borroso y )?doble\b|\b(?:veo|ve) dos de todo\b",
    ),
    _all(
        "neck_artery",
        EMERGENCY,
        NECK_CARE,
        r"cuello|nuca|cervical\w*",
        r"mare\w*|vertigo|da vueltas|no (?:puedo|puede) tragar|traban las palabras|como borracho"
        r"|borroso|vomit\w*|no (?:puedo|puede) caminar",
        r"ahora|hace (?:un|una|\d+) (?:rato|hora|horas|minutos)|esta (?:manana|tarde|noche)"
        r"|desde entonces|despues|luego|de repente",
    ),
    _all(
        "thunderclap_headache",
        EMERGENCY,
        r"cabeza|nuca",
        r"(?:el )?peor de (?:mi|su) vida|como nunca|mas fuerte que (?:he|ha) tenido|nunca (?:he|ha"
        r"|habia) (?:sentido|tenido)|explosion|estall\w*|revent\w*|garrotazo|martillazo|balazo"
        r"|trueno|me tire al suelo|en un segundo|de un segundo a otro|llego al maximo",
        # A head "reventada" every day after work is everyday strain, not a sudden headache.
        unless=r"^(?!.*\b(?:de golpe|de repente|subit\w*|hoy|ahora|ahorita)\b)"
        r".*\b(?:siempre|todos los dias|cada (?:dia|tarde|noche))"
        r" (?:salgo|termino|acabo|ando|quedo|me queda)",
    ),
    _all(
        "meningitis",
        EMERGENCY,
        r"fiebre|calentura",
        r"barbilla|rigidez de nuca|nuca (?:\w+ )?(?:rigida|tiesa|dura)|manchas (?:\w+ ){0,4}que no"
        r" (?:se quitan|desaparecen)|prueba del vaso|con el vaso",
    ),
    _all(
        "major_trauma",
        EMERGENCY,
        r"volc\w*|me pego (?:un|una|el|la) (?:carro|camion|coche|auto|moto)|por detras|cay\w* de"
        r" espaldas?|me resbale|cayo (?:\w+ ){0,3}encima",
        INJURY_SIGN,
        unless=TRAUMA_TOLD_OFF,
    ),
    _all(
        "head_injury",
        EMERGENCY,
        HEAD_HIT,
        r"sueno|no sabe (?:quien|donde|que)|perd\w* el sentido|liquido (?:clarito|claro)|no (?:lo"
        r"|la)"
        r" podemos despertar|balbuce\w*|(?:esta|se puso|anda) rar[oa]|no responde|sangre (?:por|de"
        r"|del) (?:la )?(?:nariz|oido|oidos)",
    ),
    _any(
        "tearing_pain",
        EMERGENCY,
        r"\bdolor (?:\w+ )?(?:desgarrador|desgarrante)|\b(?:algo )?se (?:me|le) (?:rasga|rasgo"
        r"|desgarra|desgarro|rompe|rompio) por dentro|\b(?:atraviesa|traspasa|atraveso|traspaso)\w*"
        r" (?:\w+ ){0,2}(?:el |del )?pecho (?:a|hasta|hacia) la espalda|\bme atraveso a la espalda"
        r"|\b(?:panza|abdomen|barriga|estomago) (?:\w+ ){0,2}(?:late|palpita)|\bsin pulso\b",
    ),
    _all(
        "anaphylaxis",
        EMERGENCY,
        r"(?:cara|labios|lengua|garganta) (?:\w+ )?(?:hinchad\w*|inflamad\w*|enorme\w*|gord[oa])"
        r"|se (?:me|le) hinch\w* (?:la cara|la lengua|los labios|la garganta)|habones|ronchas"
        r"|urticaria",
        r"tragar|respirar|aire|hablar|ronca|tos\w*|garganta|lengua|mare\w*|se (?:me|le) cierra"
        r"|antibiotico|medicina|pastilla|nueces|mani|cacahuate|mariscos|picadura|abeja|vacuna"
        r"|inyeccion|comi\w*|kiwi|alergic\w*",
    ),
    _any(
        "anaphylaxis",
        EMERGENCY,
        r"\bse (?:me|le) hinche\w* (?:la cara|la lengua|los labios|la garganta)"
        r"|\bsiento que se (?:me|le) cierra\b",
    ),
    _any(
        "other_emergency",
        EMERGENCY,
        r"\b(?:caca|heces|popo|excremento|evacuaciones) (?:\w+ ){0,2}(?:negras?|como alquitran)"
        r"|\bno (?:me |nos |le )?responde (?:cuando|si)\b|\bse (?:cayo|desplomo) (?:\w+ ){0,3}y no"
        r" responde|\b(?:barriga|panza|abdomen|estomago) (?:dura|duro) como (?:una )?(?:tabla"
        r"|piedra)"
        r"|\bmezcl\w* (?:las |mis )?(?:pastillas|relajantes|calmantes|medicinas) con (?:alcohol"
        r"|cerveza|vino|tequila)|\b(?:me|se) (?:tome|tomo|trague|trago) (?:todos|todas) (?:los|las"
        r"|mis|sus) (?:pastillas|pildoras|relajantes|calmantes|medicinas|tabletas|analgesicos)"
        r"|\bno (?:sabemos|se|sabe) cuantas\b|\bojos en blanco\b|\bespuma (?:por|en) la boca"
        r"|\b(?:le|me) (?:estan dando|dio|dan|dieron) (?:temblores|convulsiones)",
    ),
    _all(
        "other_emergency",
        EMERGENCY,
        r"embarazada",
        r"lucecitas|vision borrosa|dolor de cabeza (?:muy )?fuerte|cara hinchada"
        r"|presion (?:muy )?alta"
        r"|convuls\w*|no siento (?:al|el) bebe|se me rompio la fuente",
    ),
    _all(
        "other_emergency",
        EMERGENCY,
        r"testicul\w*",
        r"de repente|de golpe|insoportable",
    ),
    _all(
        "other_emergency",
        EMERGENCY,
        r"(?:me|se) quem\w*",
        r"toda la|todo el|levant\w* la piel|ampollas grandes|carne viva|aceite hirviendo",
    ),
    _all(
        "other_emergency",
        EMERGENCY,
        r"diabetic\w*|azucar (?:muy )?baja|hipoglucemia|insulina",
        r"confundid\w*|desmay\w*|no (?:responde|reacciona|puede tragar)|inconsciente|temblando"
        r" y sudando|sudando y temblando|sudando, temblando",
    ),
    _all(
        "fever_with_back_pain",
        URGENT_CARE,
        r"fiebre|calentura|temperatura|febril|escalofrios|sudores? (?:nocturn\w*|frios?)"
        r"|3[89](?:[.,]\d)? ?(?:grados|°)",
        r"espalda|columna|lumbar|lumbago|rinon\w*|costado|cintura",
    ),
    _all(
        "after_spinal_procedure",
        URGENT_CARE,
        r"cirugia|operacion|operaron|opere|operado|operada|fusion|epidural|infiltr\w*|inyeccion"
        r"|inyect\w*|bloqueo|puncion|procedimiento|laminectomia|discectomia|me (?:sacaron|quitaron)"
        r" (?:una|la|un|el) (?:hernia|disco)",
        r"columna|espalda|lumbar|cuello|disco|hernia|vertebra\w*|cervical|epidural|ciatic\w*",
        r"semanas?|dias|ayer|reciente\w*|hace poco|antier|anteayer|el (?:lunes|martes|miercoles"
        r"|jueves|viernes|sabado|domingo)|la (?:semana|operacion|cirugia) pasada|el mes pasado",
        r"dolor|duele|peor|fiebre|hinchad\w*|rojo|roja|enrojec\w*|supura|pus|sale (?:liquido|agua)"
        r"|entumi\w*|adormec\w*|debil\w*|dolor de cabeza|calentura|drena\w*|cicatriz",
        past_counts=True,
    ),
    _all(
        "cancer_history",
        URGENT_CARE,
        r"cancer|tumor\w*|quimio\w*|radioterapia|radiaciones|metasta\w*|leucemia|linfoma|mieloma"
        r"|melanoma|oncolog\w*|en remision",
        r"espalda|columna|hueso\w*|noche|cuello|costilla\w*|cadera|lumbar",
        past_counts=True,
        unless=(
            r"\bmi (?:mama|papa|madre|padre|abuel\w*|ti[oa]|herman[oa]|prim[oa]|amig[oa]"
            r"|suegr[oa])\b.{0,60}\b(?:a mi|yo)\b"
        ),
    ),
    _all(
        "worsening_weakness_or_numbness",
        URGENT_CARE,
        rf"{NUMB}|{WEAK}|debilidad|arrastr\w* (?:el|la) (?:pie|pierna)|se (?:me|le) cae el pie"
        r"|pie caido|tropiez\w*|torpe\w*|se me caen las cosas|no puedo agarrar|sin fuerza"
        r"|pie se (?:me|le) cae|lo arrastro|perdiendo (?:la )?fuerza|puntillas|talones",
        r"cada (?:dia|vez|semana) (?:es |esta |estoy |se pone )?(?:mas|peor)|(?:mas"
        r"|peor) cada (?:dia|semana)|empeora\w*"
        r"|va(?:n)? (?:en )?aumento|avanza\w*|se (?:me |le )?(?:esta |ha |va )?(?:extend\w*"
        r"|extiende|esparc\w*|corrido|corriendo)|va subiendo|ha subido|sube hasta|mas y mas"
        r"|cada vez peor|peor y peor"
        r"|desde hace (?:unos |varios |dos |tres |\d+ )?(?:dias|semanas)|ya me llega"
        r"|ahora (?:ya )?(?:llega|tambien)|(?:ha|han|se (?:me|le) ha) ido|poco a poco|esta semana"
        r"|(?:lleva|llevo) (?:una|dos|\d+) semanas?|ya no (?:puedo|puede)|va empeorando"
        r"|mas (?:\w+ ){0,2}cada (?:dia|vez|semana)|cada (?:dia|vez|semana) (?:\w+ ){0,2}mas"
        r"|peor que ayer|hoy (?:ya )?(?:peor|mas)",
    ),
    _all(
        "weight_loss",
        URGENT_CARE,
        r"(?:baje|bajado|bajando|perdi|perdido|perdiendo|adelgac\w*|rebaje)\b.{0,20}"
        r"\b(?:peso|kilos|libras|\d+ ?kg)|\b(?:baj\w*|perd\w*|adelga\w*) (?:\w+ ){0,3}sin (?:razon"
        r"|querer|motivo|causa|explicacion|buscarlo)|adelga[cz]\w*|flaquisim\w*|perdida de peso"
        r"|la ropa (?:me )?queda (?:grande|floja)"
        r"|(?:estoy|me veo) (?:muy )?flac\w*",
        r"espalda|columna|noche|cuello|lumbar|huesos|cintura|cadera|costillas",
        past_counts=True,
        unless=r"(?<!sin )(?<!sin hacer )\b(?:dieta|a proposito|ejercicio|gym|gimnasio|ozempic"
        r"|embarazo)\b",
    ),
    _all(
        "other_urgent",
        URGENT_CARE,
        r"ardor al orinar|(?:arde|duele) (?:al|cuando) (?:orino|orinar|hago pipi)"
        r"|orin\w* con sangre"
        r"|infeccion (?:de orina|urinaria|en la orina|de (?:las )?vias urinarias)|sangre en (?:la"
        r" )?orina|orina con sangre|drogas inyectad\w*|me inyecto|inmunosupri\w*|trasplante|vih"
        r"|esteroides|prednisona|cortisona",
        r"espalda|columna|cuello|fiebre|rinon\w*|costado",
        past_counts=True,
    ),
    _all(
        "other_urgent",
        URGENT_CARE,
        r"osteoporosis|osteopenia|huesos fragiles|huesos debiles",
        r"de repente|de golpe|me sente|me cai|tos\w*|estornud\w*|levant\w*|agach\w*|empezo|nuevo"
        r"|fuerte",
        r"espalda|columna|costilla\w*",
        past_counts=True,
    ),
    # By sign, in lay words and their verb forms (written from the sign lists, not from a set's
    # misses): each sign's words as Spanish speakers of several countries use them.
    _any(
        "suicidal_thoughts",
        CRISIS,
        r"\b(?:miedo de|ganas de|pienso en|pensando en|voy a|quiero|tentacion de) hacerme algo\b"
        r"|\b(?:tomar\w*|beber\w*|trag\w*)\b.{0,20}\b(?:veneno|cloro|raticida|matarratas"
        r"|insecticida)\b"
        r"|\b(?:voy a|quiero|pienso|ganas de) (?:\w+ ){0,2}tomar(?:me)? (?:todas|todos|el frasco"
        r"|la caja|un frasco)\b"
        r"|\b(?:dormir|dormirme|dormirse|irme|descansar) para siempre\b"
        r"|\b(?:ya )?(?:nada vale la pena|no vale la pena nada)\b"
        r"|\bmejor (?:me mato|matarme|me suicido|acabar con esto|desaparecer)\b"
        r"|\b(?:el|un) mundo (?:estaria|seria) mejor sin mi\b"
        r"|\bya no (?:quiero|puedo) (?:mas con )?(?:esta vida|la vida|vivir asi)\b",
    ),
    _any(
        "self_harm",
        CRISIS,
        r"\bme (?:hago|hice|hacia|sigo haciendo) (?:cortadas|cortaditas|rayas|heridas|quemaduras)\b"
        r"|\b(?:se|me) (?:va|voy|quiere|quiero|queria) (?:a )?cortar\b"
        r"(?! (?:el|las|los|la|un|una)\b)"
        r"|\bcortarse\b(?! (?:el|las|los|la)\b)|\bse (?:esta )?(?:cortando|lastimando|quemando)"
        r" (?:sola|solo|a proposito|los brazos|las piernas)\b",
        past_counts=True,
    ),
    _any(
        "chest_pain",
        EMERGENCY,
        r"\b(?:aprieta\w*|oprim\w*|estruj\w*|aplast\w*)\b.{0,15}\bcorazon\b",
        r"\b(?:dolor|duele|presion|opresion|molestia|aprieta|pesadez)\w*\b.{0,20}\btorax\b"
        r"|\btorax\b.{0,20}\b(?:dolor|duele|presion|opresion|aprieta|pesa)\w*",
    ),
    _any(
        "stroke",
        EMERGENCY,
        r"\bhabl\w* (?:muy )?(?:mocho|chueco|cortado|gangoso|trabad\w*|extran\w*|rar[oa]|lento"
        r"|pastoso|borrach\w*)\b.{0,40}\b(?:de repente|de golpe|de la nada|ahorita|hoy|hace)\b"
        r"|\b(?:de repente|de golpe|de la nada|ahorita)\b.{0,40}\bhabl\w* (?:muy )?(?:mocho"
        r"|chueco|cortado|gangoso|trabad\w*|extran\w*|rar[oa]|pastoso|borrach\w*)\b"
        r"|\bhabla mocho\b",
        r"\bbaba\b.{0,25}\bde un lado\b|\bde un lado\b.{0,25}\bbaba\b",
        r"\b(?:oscurec|nubl|apag|borr|perd)\w* (?:la vista|la vision)\b.{0,30}\b(?:un ojo|de un"
        r" lado|de repente|de golpe|de la nada)\b|\b(?:de repente|de golpe|de la nada)\b.{0,30}"
        r"\b(?:oscurec|nubl|apag|perd)\w* (?:la vista|la vision)\b|\bcortina (?:negra|oscura)\b",
    ),
    _any(
        "thunderclap_headache",
        EMERGENCY,
        r"\bdolor de cabeza (?:\w+ )?(?:fulminante|como un relampago|como un latigazo)"
        r"|\bel (?:dolor de cabeza )?mas fuerte de mi vida\b",
    ),
    _all(
        "head_injury",
        EMERGENCY,
        HEAD_HIT,
        r"(?:anda|esta|quedo|se ve|lo veo|la veo) (?:muy )?(?:como )?(?:ido|ida|atontad\w*|zonz\w*"
        r"|aturdid\w*|perdid\w*|desorientad\w*|dormil\w*)",
    ),
    _any(
        "cauda_equina",
        EMERGENCY,
        rf"\bsin (?:poder )?{PEE}\b",
        rf"\bno (?:he|ha) (?:ido|podido ir) al bano (?:a |para )?{PEE}",
        r"\bdesde la cintura (?:para|hacia) abajo\b",
    ),
    # The second Spanish development set's review (tests/triage/dev_es2), each written for the
    # sign and its other wordings, not for the one message.
    _any(
        "suicidal_thoughts",
        CRISIS,
        r"\bya no quiero seguir\b(?! (?:con|en|el|la|yendo|haciendo|pagando|tomando|asi con))"
        r"|\bcansad[oa] de (?:vivir|la vida|estar viv[oa]|todo y de todos)\b(?! con)"
        r"|\bno aguanto (?:mas )?(?:\w+ ){0,6}(?:esta vida|vivir|estar viv[oa])\b"
        r"|\b(?:deje|escribi) una carta (?:a mis hijos|a mi familia|a mis padres|de despedida)\b"
        r"|\bpensando cosas feas\b"
        r"|\b(?:irme|ir|irse|largarme) de este mundo\b|\bpara que sigo (?:viviendo|aqui)\b"
        r"|\b(?:regal\w*|repart\w*) (?:todas )?mis cosas\b|\bme despedi\w* de todos\b"
        r"|\besta noche se acaba\b|\b(?:formas|maneras|metodos) de (?:morir\w*|matar\w*|suicid\w*)"
        r"|\b(?:no tengo|ya no tengo|sin|perdi las|ni) ganas de (?:seguir )?(?:vivir|viviendo"
        r"|estar aqui)\b|\btengo todo planeado\b(?! para)|\bpara no despertar\w*"
        r"|\bcuantas pastillas\b.{0,40}\b(?:hacen falta|se necesitan|para morir|para no despert)"
        r"|\bojala (?:no (?:amanezca|despierte|vuelva a despertar)|me muera|ya no este)\b"
        r"|\b(?:estarian|estaria) mejor (?:con el (?:dinero|seguro)|sin mi)\b"
        r"|\bno me (?:van a|volveran a) ver (?:mas|nunca)\b"
        r"|\bno (?:quiere|quisiera|desea|queria) (?:seguir )?(?:vivir|viviendo|existir)\b"
        r"|\b(?:desea|deseo|deseaba|quiere|queria) (?:\w+ )?morir\w*"
        r"|\b(?:ir|irme|irse) para siempre\b|\bla vida no vale la pena\b"
        r"|\b(?:morir|morirme|la muerte) (?:seria|es) (?:un descanso|mejor|la solucion|lo mejor)\b"
        r"|\bpienso (?:en )?como hacerlo\b|\bmotor (?:encendido|prendido)\b.{0,40}\bgaraje\b"
        r"|\bgaraje\b.{0,40}\bmotor (?:encendido|prendido)\b|\bsi me muero (?:\w+ )?mejor\b"
        r"|\bpienso en hacerlo yo mism[oa]\b",
    ),
    _any(
        "self_harm",
        CRISIS,
        r"\bcortes (?:frescos|recientes|nuevos) en (?:los brazos|las piernas|las munecas|el brazo"
        r"|la pierna)\b|\bcortes\b.{0,60}\bse los (?:hace|hizo) (?:ella|el|sol[oa])\b"
        r"|\bme (?:pego|doy|daba|pegaba) (?:punetazos|golpes|cachetadas|pellizcos|con el cinturon)"
        r"\b.{0,40}\b(?:hasta|cuando me|a proposito|para sentir|castig\w*)"
        r"|\b(?:golpea|golpeando|pega|pegando|golpeo|pego)\w* (?:\w+ ){0,4}contra la pared\b"
        r"|\bme (?:\w+ ){0,8}hasta (?:sangrar|hacerme sangre|hacerme herida\w*"
        r"|que me sal\w* sangre)"
        r"|\bhaciendo(?:me|se) (?:cortes|heridas|dano|quemaduras)\b"
        r"|\bme castigo (?:haciendome|cortandome|pegandome|lastimandome|quemandome)\b"
        r"|\b(?:se|me) (?:clava|clavo|entierra|entierro) (?:las|unas|la|el|un|una)\b.{0,40}"
        r"\b(?:en los brazos|en las piernas|en la piel|a proposito)\b"
        r"|\b(?:golpeo|golpee|pego|pegue|lastimo|lastime|corto|corte|quemo|queme)\b.{0,30}"
        r"\ba (?:mi|si) mism[oa]\b"
        r"|\bme rasco (?:\w+ ){0,3}heridas\b.{0,30}\bno sanen\b",
        past_counts=True,
    ),
    _any(
        "breathing",
        EMERGENCY,
        r"\bcomo (?:un )?(?:pez|pescado) fuera del agua\b|\brespiracion (?:muy )?(?:trabajosa"
        r"|dificil|entrecortada|con ruido)|\brespira\w* (?:con ruido|con silbido|raro)\b"
        r"|\bazulad[oa]\b|\b(?:se ve|se puso|se esta poniendo|lo veo|la veo) (?:muy )?morad[oa]\b"
        r"|\brespiro y no me llena\b|\bno (?:me|se me) llenan? los pulmones\b"
        r"|\bbolsa en la cabeza\b"
        r"|\brespir\w* (?:cada vez )?(?:mas )?cort\w*",
    ),
    _any(
        "anaphylaxis",
        EMERGENCY,
        r"\b(?:hinch|inflam)\w*\b.{0,25}\b(?:la lengua|los labios|la garganta)\b"
        r"|\b(?:lengua|labios|garganta)\b.{0,20}\b(?:hinchad\w*|inflamad\w*)",
        r"\blengua (?:muy )?(?:grande|gorda|enorme)\b.{0,40}\b(?:tragar|respirar|hablar)\b",
    ),
    _all(
        "anaphylaxis",
        EMERGENCY,
        r"ronchas|urticaria|habones|alergia (?:fuerte|grave)|reaccion alergica",
        r"desmay\w*|respir\w* (?:con ruido|mal|raro)|me cuesta respirar|no (?:puedo|puede) respirar"
        r"|se (?:me|le) cierra|cara hinchada|hinchad\w* la cara|ahog\w*",
    ),
    _all(
        "cauda_equina",
        EMERGENCY,
        rf"{PEE}|vejiga",
        r"no (?:me |le )?sale (?:nada|la orina|el pipi)",
    ),
    _any(
        "cauda_equina",
        EMERGENCY,
        r"\bno (?:aguanto|aguanta|retengo|retiene|detengo|controlo) (?:el pipi|la orina|la caca"
        r"|las heces|el chis|la popo)\b"
        r"|\bse (?:me|le) (?:escapa|escapo) (?:el pipi|la orina|la caca"
        r"|el chis) sin (?:querer|darme cuenta|darse cuenta|sentir)\b",
        rf"\bpiernas (?:\w+ ){{0,2}}(?:{NUMB}|{WEAK})\w* (?:las dos|ambas)\b",
    ),
    _any(
        "chest_pain",
        EMERGENCY,
        r"\b(?:apreton|presion|opresion|dolor|peso)\b.{0,20}\bpecho\b.{0,40}\b(?:llega|baja|corre"
        r"|pasa|sube|irradia|va)\w* (?:\w+ ){0,3}(?:cuello|brazo|mandibula|quijada)\b",
    ),
    _any(
        "stroke",
        EMERGENCY,
        r"\b(?:un|un solo|el) lado de la boca\b|\bpor un lado de la boca\b|\bde la boca por un"
        r" lado\b|\bno pronuncia\w* bien\b|\bpronuncia mal\b"
        r"|\b(?:cara|boca|sonrisa)\b(?: \w+){0,4} (?<!de la )(?<!por la )(?<!desde la )(?<!una )"
        r"(?:chuec|torcid|caid|colgad|ladead|desviad)[oa]\b"
        r"|\b(?:cara|boca|labio|lengua)\b.{0,25}(?:" + NUMB_ONLY + r").{0,10}\bde un lado\b"
        r"|\bse (?:me|le) enredan? (?:las palabras|la lengua)\b|\benred\w* las palabras\b"
        r"|\bdificultad para (?:encontrar las palabras|hablar|articular)\b"
        r"|\bno encuentr\w* las palabras\b|\bperd\w* (?:subitamente|repentinamente|de repente"
        r"|de golpe|completamente|toda) (?:la vista|la vision)\b"
        r"|\bse (?:ladeo|fue de lado|fue para un lado)\b",
        rf"\b{SUDDEN}\b.{{0,20}}(?:{WEAK}|{NUMB_ONLY}).{{0,25}}\b(?:brazo|mano|pierna|lado|cara)\b",
        rf"(?:{NUMB_ONLY}|{WEAK}|paraliz\w*|ties[oa]).{{0,25}}\b(?:todo )?(?:el|del) lado"
        r" (?:izquierdo|derecho)\b|\b(?:el|del) lado (?:izquierdo|derecho)\b.{0,30}(?:"
        + NUMB_ONLY
        + r"|dormid\w*|no (?:lo|la) (?:mueve|muevo|puede mover|siente))",
        r"\bno (?:mueve|puede mover|levanta|puede levantar) (?:el brazo|la mano|la pierna|un lado)"
        r"|\b(?:el )?brazo (?:izquierdo|derecho)? ?no (?:lo )?(?:levanta|mueve|responde)\b",
        unless=r"\bhombro|\bcodo\b|\bmanguito\b|\btendon",
    ),
    _any(
        "sudden_paralysis",
        EMERGENCY,
        rf"{CAN_NOT} mover ni (?:los brazos|las piernas)\b"
        r"|\bpiernas\b.{0,40}\bno (?:las|los) (?:muevo|mueve|puedo mover|puede mover|siento|siente)"
        r"\b|\bse (?:me|le) fueron las piernas\b|\bpiernas (?:\w+ ){0,2}no (?:me |le )?responden\b",
        rf"{CAN_NOT} mover (?:la mitad del cuerpo|medio cuerpo|un lado del cuerpo)",
    ),
    _any(
        "tearing_pain",
        EMERGENCY,
        r"\blacerante\b.{0,60}\b(?:vientre|abdomen|adelante|pecho)\b"
        r"|\b(?:desgarr\w*|rasg\w*|cuchillada|punalada)\b.{0,40}\batraviesa\w*"
        r"|\b(?:espalda|pecho)\b.{0,40}\b(?:cuchillada|punalada|navajazo)\b.{0,40}\b(?:se mueve"
        r"|se corre|va bajando|viaja|hacia abajo)\b"
        r"|\b(?:late|palpita)\w* (?:la|mi) (?:panza|barriga|abdomen|estomago)\b",
    ),
    _all(
        "thunderclap_headache",
        EMERGENCY,
        r"dolor (?:\w+ )?de cabeza|dolor en la cabeza|en la cabeza|duele la cabeza|cabeza me"
        r"|jaqueca|migrana",
        rf"{SUDDEN}|pum\b|zas\b",
        r"peor|mas fuerte|insoportable|horrible|brutal|terrible|intens\w*|nunca|parti\w*|craneo"
        r"|tan fuerte|tire al (?:piso|suelo)|batazo|garrotazo|martillazo",
    ),
    _all(
        "meningitis",
        EMERGENCY,
        r"fiebre|calentura|febril",
        r"mollera (?:abultada|inflada|hinchada|levantada|brotada|abombada)|(?:llora|grita|se queja)"
        r" (?:\w+ ){0,3}(?:mueve|muevo|mover) el cuello|no (?:quiere|deja|puede) mover el cuello",
    ),
    _all(
        "head_injury",
        EMERGENCY,
        HEAD_HIT,
        r"repite (?:las mismas|lo mismo)|pregunta lo mismo|pupila\w*|no habla bien|no (?:me|le)"
        r" entiende|sangr\w*\b.{0,20}\b(?:nariz|oido|oidos|oreja)|(?:oido|oreja|nariz)\b.{0,20}"
        r"\bsangr\w*|moreton\w* detras de la oreja|alrededor de los ojos|ojos de mapache",
    ),
    _all(
        "major_trauma",
        EMERGENCY,
        r"me aplast(?:o|aron)\b|aplastad[oa]|(?:lo|la|le) aplasto|atropell\w*|volc\w*|viga"
        r"|montacargas|(?:cai|cayo) (?:de|desde) (?:la|el|un|una)"
        r" (?:azotea|techo|andamio|segundo piso|arbol|caballo)",
        r"espalda|abdomen|barriga|panza|cadera|pelvis|palid\w*",
        unless=TRAUMA_TOLD_OFF,
    ),
    _all(
        "neck_artery",
        EMERGENCY,
        NECK_CARE,
        r"cuello|nuca|cervical\w*",
        r"desplom\w*|se (?:me|le) doblan|piernas se (?:me|le) doblan|todo (?:\w+ ){0,2}girar?"
        r"|gira todo"
        r"|no (?:me|le) obedece|traban las palabras|no (?:logro|consigo|puedo|puede) tragar"
        r"|da vueltas",
    ),
    _any(
        "other_emergency",
        EMERGENCY,
        r"\b(?:me|se) desplom\w*|\bdesplome\b|\b(?:le|me) dio (?:un|una) (?:patatus|yeyo|soponcio"
        r"|telele)\b.{0,60}\b(?:no (?:la|lo|le) (?:podemos|puedo|pueden) despertar|piso"
        r"|suelo|desmay\w*|no responde)|\bno (?:la|lo|le) (?:podemos|puedo|pueden) despertar\b",
        r"\b(?:caca|heces|popo|excremento|evacuaciones) (?:\w+ ){0,2}negr[oa]s?\b|\bchapapote\b"
        r"|\bchapopote\b",
        r"\bsangr\w*\b.{0,40}\b(?:sin parar|no para|a chorros|empap\w*)\b" r"|\bchorro de sangre\b",
        r"\b(?:trago|trague|se comio|se trago)\b.{0,20}\b(?:pila|bateria|iman|imanes)\b",
        r"\bmonoxido\b|\bintoxi\w*\b.{0,30}\b(?:calentador|estufa|gas|boiler|humo|carbon)\b",
    ),
    _all(
        "other_emergency",
        EMERGENCY,
        r"corazon (?:\w+ ){0,3}(?:acelerado|rapid\w*|a mil|desbocado)|palpitaciones|taquicardia"
        r"|late (?:\w+ ){0,3}(?:rapid\w*|fuerte)",
        r"desmay\w*|palid\w*|dolor de pecho|falta el aire|me voy a caer",
    ),
    _all(
        "other_emergency",
        EMERGENCY,
        r"barriga|panza|abdomen|estomago|vientre",
        r"fiebre|calentura",
        r"vomit\w*",
        r"no (?:me )?puedo enderezar|lado derecho|cada vez peor|dura como",
    ),
)

# English names of signs in a Spanish message ("tengo chest pain"), read only when it holds a
# Spanish word: an English message is the English rules'.
SPANGLISH_RULES: tuple[RuleEs, ...] = (
    _any("chest_pain", EMERGENCY, r"\b(?:chest pain|heart attack|chest pressure)\b"),
    _any("breathing", EMERGENCY, r"\b(?:short of breath|cant breathe|can't breathe)\b"),
    _any("stroke", EMERGENCY, r"\bstroke\b"),
    _any("other_emergency", EMERGENCY, r"\b(?:seizure|fainted|passed out|overdose)\b"),
    _any("suicidal_thoughts", CRISIS, r"\b(?:suicidal|suicide|kill myself|want to die)\b"),
)

# A negation shortly before a sign ("no tengo dolor en el pecho", "sin fiebre"), unless it says
# the sign persists ("no se me quita el dolor de pecho") or doubts its cause.
PERSISTS = (
    r"(?:se |me |le |lo |la |te )*(?:quita\w*|pasa\w*|mejora\w*|para\b|paro\b|paraba|calma\w*"
    r"|alivia\w*"
    r"|cede\w*|deja\w*|desaparece\w*|baja\b|funciona\w*|sirve\w*|sirvio|ayuda\w*|aguant\w*"
    r"|soport\w*|se por que|sabemos|se que|se si|se cual|estoy segur\w*|entiendo|encuentro"
    r"|hay manera|importa|es normal)"
)
NEGATION = re.compile(
    r"\b(?:no|sin|nunca|ni|tampoco|ningun[oa]?|nada de|nada que ver con|jamas|niego|descart\w*)\b"
    rf"(?! {PERSISTS})(?! (?:razon|motivo|causa|explicacion|querer|dieta|hacer dieta|aviso"
    r"|previo aviso|parar|poder|control|puedo|puede|podia|pude|he podido|ha podido|consigo|logro"
    r"|me responden|me sostienen|controlo|controla|me sale|he orinado"
    r"|ha orinado|orino|me entra|le entra|me llega|despierta|reacciona|responde|se le entiende"
    r"|se me entiende|veo)\b)"
)
NEGATION_REACH = 30
# Where a negation's reach ends before a sign: a comma or a new verb phrase.
NEGATION_BOUNDARY = re.compile(r",|\by\b|\bpero\b|(?<!nada )\bque\b|\baunque\b|\bsolo\b")
PAST = re.compile(
    r"(?<!desde )\bhace (?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|quince"
    r"|veinte"
    r"|varios|varias|muchos|muchas|unos|unas|algunos|bastantes)? ?(?:anos?|meses|decadas?)\b"
    r"|(?<!desde )\bhace (?:mucho|bastante)(?: tiempo)?\b|\b(?:el|hace un) ano pasado\b"
    r"|\bde (?:nino|nina|joven|chic[oa]|pequen[oa]|adolescente|bebe)\b"
    r"|\bcuando (?:era|eramos|tenia \d+|estaba en la (?:prepa|secundaria|escuela|universidad))\b"
    r"|\ben (?:19|20)\d\d\b|\ben (?:los|el) (?:ochenta|noventa|\d0)s?\b|\bya (?:se me quito|paso"
    r"|me recupere|estoy bien|estoy mejor|sane|me cure)\b|\bme (?:recupere|cure) (?:por completo"
    r"|totalmente|del todo)?|\bya sane\b|\ben el pasado\b|\bantecedentes? de\b"
    r"|\bnunca quedo igual\b|\bde eso hace\b"
    r"|\ba los \d+ anos\b|\bhistorial de\b|\bel otro ano\b|\baquella vez\b"
    r"|(?<!desde )\bhace (?:un|1) mes\b|\bel mes pasado\b|(?<!desde )\bhace tiempo\b"
    r"|\bde (?:chamac[oa]|chavit[oa]|escuincle|chiquit[oa]|morrit[oa]|patoj[oa]|cipote|pelad[oa])\b"
    r"|\bya (?:esta|estoy|estamos) bien\b|\b(?:ya )?se (?:curo|recupero)\b|\bfue al hospital\b"
    r"|\b(?:me|lo|la|le) (?:vieron|revisaron|atendieron|checaron)\b.{0,40}\b(?:urgencias"
    r"|hospital|emergencias|bien|nada)\b"
    r"|\ble pusieron un stent\b|\buna vez (?:me dio|tuve|me paso|le dio)\b"
    r"|\bya van (?:\d+ |unos |varios |dos |tres |muchos )?(?:meses|anos)\b"
)
# What says the sign is happening now, between a past marker and the sign ("tengo ciática de hace
# meses, aunque hoy se me hizo caca encima").
CURRENT = re.compile(
    r"\b(?:hoy|ahora|ahorita|esta (?:manana|tarde|noche)|anoche|desde (?:ayer|anoche|hace un rato)"
    r"|hace (?:un )?rato|hace \d+ (?:minutos|horas)|en este momento|de repente|de golpe)\b"
)
# Someone else's sign told as past or over, with the visitor's own complaint told apart ("mi
# abuela tuvo una embolia, yo solo tengo la espalda cargada").
OTHERS_PAST = re.compile(
    r"\bmi (?:difunt[oa] )?(?:abuel\w*|mama|papa|madre|padre|ti[oa]|herman[oa]|prim[oa]|espos[oa]"
    r"|suegr[oa]|vecin[oa]|amig[oa]|hij[oa]|cunad[oa]|sobrin[oa])\b.{0,30}\b(?:tuvo|le dio|sufrio"
    r"|padecio|se intento|intento|murio|fallecio)\b"
)
OWN_APART = re.compile(
    r"\byo\b|\ba mi(?=,| me\b| no\b| solo\b| lo\b| tambien\b)|\ben cambio\b|\blo mio\b"
    r"|\bel mio\b|\ben mi caso\b"
)
# The sign asked about in general or as a hypothesis, not told as the visitor's own.
GENERAL = re.compile(
    r"\b(?:que|cuales) (?:sintomas|senales|signos)\b"
    r"|\b(?:cuales|que|cual) (?:son|es|serian) (?:las |los )?(?:senales|sintomas|signos|banderas"
    r" rojas|indicios)\b|\bsenales de (?:alarma|alerta|peligro)\b|\bsintomas de alarma\b"
    r"|\bque (?:hago|hacer|debo hacer|pasa|pasaria|hay que hacer|hacemos|recomiendan) (?:si|en caso"
    r"|cuando)\b|\bcomo (?:sabe|saber|sabria|puedo saber|distingo|diferencio|se si|se cuando)\b"
    r"|\bcuando (?:debo|tengo que|hay que|deberia|es necesario|se debe) (?:ir|llamar|preocup\w*"
    r"|buscar|acudir)|\b(?:puede|pueden|podria|suele) (?:el |la |un |una |los |las |este |esta )?"
    r"(?:art|tratamiento|terapia|masaje|ajuste|sesion|procedimiento|tecnica|\w+) (?:\w+ )?"
    r"(?:causar|provocar|dar|producir)\b|(?<!como )\bsi (?:tuviera|tuviese|llegara|llego a"
    r"|me (?:diera"
    r"|pasara|llegara|llegase|dieran)|alguien|una persona|un paciente|alguna vez|algun dia"
    r"|despues (?:de|del) (?:tratamiento|la sesion) (?:me|tengo))\b|\ben caso de\b|\bpor si acaso\b"
    r"|\bsi (?:me|le|te) (?:\w+ ){0,5}(?:despues|luego|mas adelante|algun dia|durante el"
    r" tratamiento)\b|\bpor curiosidad\b|\bsolo (?:pregunto|es una pregunta|tengo curiosidad)\b"
    r"|\bpregunta"
    r" general\b|\blei (?:que|sobre)\b|\bvi un video\b|\briesgo de\b|\bes una emergencia\b"
    r"|\bes (?:una )?bandera roja\b"
    r"|\bque significa\b|\bhipotetic\w*|\bpor ejemplo\b|\ben general\b"
    r"|\bque tan (?:comun|raro|grave|peligroso)\b|\bdiferencia entre\b"
    r"|\bsi (?:me|le|te) llega a\b|\bsi llego a\b|\bque es (?:el|la) (?:sindrome|cauda|meningitis"
    r"|anafilaxia|embolia|diseccion)|\blo vi en\b|\bvi en un video\b"
    r"|(?<!me )(?<!le )\bpuede (?:dar|causar|provocar)\b|\bse puede confundir\b"
    r"|\bcomo (?:lo |los |la |las )?(?:distingo|diferencio)\b|\brehabilitacion\b"
    r"|\b(?:art|el tratamiento|la terapia) (?:sirve|ayuda|funciona)\b|\briesgos del\b"
    r"|\b(?:es|son) mejor(?:es)? (?:que|una|un|el|la|las|los)\b|\bme conviene\b"
    r"|\bpense que (?:era|tenia) (?:un |una )?(?:infarto|derrame|embolia)\b.{0,40}\b(?:fue|era"
    r"|resulto)\b"
)
# What someone died of, just before the sign ("mi vecino se murió de un aneurisma").
DIED_OF = re.compile(r"\b(?:muri\w*|falleci\w*) (?:de|por) (?:un |una )?(?:\w+ )?$")
# The sign is happening as the visitor writes: a general question does not dismiss it.
HAPPENING_NOW = re.compile(
    r"\b(?:ahora mismo|ahorita|en este momento|justo ahora|hace (?:un )?rato|hace \d+ (?:minutos"
    r"|horas)|desde (?:hace|anoche|esta manana|hoy|ayer))\b"
)
CRISIS_DENIAL = re.compile(
    r"\bno (?:estoy pensando en|pienso en|he pensado en|voy a|quiero|tengo (?:intencion|planes"
    r"|ganas)"
    r" de|es que (?:me )?quiera|me quiero|me voy a|planeo|pensaria en|haria|se me ha ocurrido)"
    r" (?:\w+ ){0,2}(?:matar\w*|suicid\w*|hacer\w* dano|lastimar\w*|morir\w*|quitar\w* la vida"
    r"|dano)|\bno (?:tengo|he tenido|hay) (?:\w+ )?(?:pensamientos|ideas|planes)"
    r"|\bno soy suicida\b|\bnunca (?:he pensado|pensaria|me haria|haria|he querido|me he"
    r" querido)\b|\bni (?:loca|loco|de chiste)\b|\bno me (?:quiero|voy a) (?:matar|morir|hacer"
    r" dano|lastimar)\b|\bno estoy en crisis\b|\bno corro peligro\b|\bno es (?:nada de )?eso\b"
    r"|\bno (?:tengo (?:miedo|ganas|intencion) de|pienso|quiero|voy a) hacerme algo\b"
)
# A crisis told as over: recovered, and nothing says it is back.
RECOVERED = re.compile(
    r"\b(?:(?:hoy|ahora|ya) (?:esta|estoy|estamos) (?:bien|mejor|estable)|ahora estoy (?:bien"
    r"|mejor|estable|tranquil[oa]|feliz)|ya estoy (?:bien|mejor|estable)"
    r"|estoy (?:bien|mejor|estable) (?:ahora|desde)|lo super\w*|ya paso|recuperad[oa]"
    r"|en un buen (?:lugar|momento)|me fue bien con|con terapia|sali adelante"
    r"|fui a terapia|en tratamiento|y estoy bien|ya esta (?:\w+ ){0,3}bien|ya no (?:pienso"
    r"|me pasa|tengo esos)|hace (?:mucho|anos) que no|bien desde entonces|mucho mejor)\b"
)
RELAPSE = re.compile(
    r"\b(?:otra vez|de nuevo|nuevamente|volvi a|volvio|volvieron|regresaron|ultimamente|estos dias"
    r"|esta semana|esta noche|ahora (?:otra vez|de nuevo))\b"
)
CRISIS_GENERAL = re.compile(
    r"\b(?:la gente|las personas|alguien|un paciente|una persona|los pacientes) (?:que )?(?:con|se"
    r" puede|puede|pueden|dice|habla|menciona|tiene)\b|\bque es el 988\b|\bpara que (?:sirve|es)"
    r" el 988\b|\bel 988\b.{0,30}\?|\bcomo (?:ayudo|ayudar|puedo ayudar) a\b|\bpor que (?:la"
    r" gente|las personas)\b|\b(?:causa|causar|provoca|provocar) (?:depresion|pensamientos"
    r"|suicidio)|\bun (?:amigo|familiar|conocido) (?:que|de)\b.{0,40}\bhace (?:anos|tiempo)\b"
    r"|\bpor curiosidad\b|\bpregunta general\b"
)
# An everyday figure of speech with dying or killing in it ("me muero de dolor", "me mata la
# espalda", "me quiero morir de la vergüenza").
CRISIS_FIGURE = re.compile(
    r"\b(?:morir\w*|muero|muriendo|muera|matar\w*|mata|matando|mato) (?:\w+ ){0,2}del? (?:dolor"
    r"|risa"
    r"|verguenza|pena|hambre|sueno|frio|calor|ganas|aburrimiento|cansancio|miedo|envidia|nervios"
    r"|los nervios|la risa|la verguenza|la pena|amor|gusto|tanto)\b"
    r"|\b(?:el dolor|la espalda|el cuello|esto|mi jefe|mi esposa|mi esposo|mi mama|el trabajo"
    r"|la ciatica|la cadera|la rodilla|el hombro) (?:\w+ )?(?:me )?(?:mata|va a matar|esta matando"
    r"|me tiene muert[oa])\b|\bme (?:quiero|voy a) morir si\b"
)
# Words that tell the sign as something else: laughter, sore muscles after exercise or a cough.
FIGURATIVE = re.compile(
    r"\b(?:de (?:tanto )?reir|de risa|jaja\w*|muscular|lagartijas|flexiones|press de banca|pesas"
    r"|gimnasio|gym|de tanto toser|de toser|cuando toso|al toser|la tos|gripa|gripe|resfriado"
    r"|agujetas"
    r"|entrenamiento|despues de correr|del ejercicio"
    r")\b"
)
# The figurative words dismiss only these signs (a sore chest after push-ups, out of breath from
# laughing); never a stroke, a saddle numbness or a crisis.
FIGURATIVE_CATEGORIES = frozenset({"chest_pain", "breathing", "tearing_pain"})
# The heart's signs beside chest pain: the chest pain is not dismissed as muscular.
HEART_SIGNS = re.compile(
    r"\b(?:llega|baja|corre|va|irradia|pasa|sube)\w* (?:\w+ ){0,3}(?:al|hasta el|a la|por el|la)"
    r" (?:brazo|cuello|mandibula|quijada)\b|\bsud\w* frio\b|\bsudor frio\b"
)
# Breathlessness told as from exertion or being out of shape ("me falta el aire cuando subo
# escaleras"); it does not dismiss chest pain told beside it.
EXERTION = re.compile(
    r"\b(?:cuando|al) (?:subo|subir|corro|correr|hago ejercicio|hacer ejercicio|entreno"
    r"|entrenar|juego)\b|\bfuera de forma\b|\b(?:falta de|me falta|sin) condicion\b"
)
CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,\s*(?:pero|solo|nada mas)\b|\bpero\b|\bsino\b")
SPELLINGS = tuple(
    (re.compile(pattern), word)
    for pattern, word in (
        (r"\b(?:q|k|ke)\b", "que"),
        (r"\bx\b", "por"),
        (r"\bxq\b", "porque"),
        (r"\b(?:kier|qier)", "quier"),
        (r"\bkisiera\b", "quisiera"),
        (r"\btb\b", "tambien"),
        # Typing: a letter held down ("ayudaaa", "respirarr"); no Spanish word ends in "aa",
        # "ii", "oo", "uu" or "rr" (English words ending in "ss", "ll" or "ee" stay as they are).
        (r"([a-z])\1{2,}", r"\1"),
        (r"([aiour])\1\b", r"\1"),
        # Spelling by ear in the words of the signs: b for v, a dropped h, s for c or z, ll for y.
        (r"\bbomit", "vomit"),
        (r"\bbi(v|b)i(r|o|endo)\b", r"vivi\2"),
        (r"\bbida\b", "vida"),
        (r"\bbista\b", "vista"),
        (r"\bpe(?:sh|x)o\b", "pecho"),
        (r"\bcorason\b", "corazon"),
        (r"\bcabesa\b", "cabeza"),
        (r"\bormig", "hormig"),
        (r"\binch(?=a|o|e)", "hinch"),
        (r"\babl(?=a|o|e)", "habl"),
        (r"\baora\b", "ahora"),
        (r"\borita\b", "ahorita"),
        (r"\basta\b", "hasta"),
        (r"\bace (?=un|una|\d|dos|tres|unos|unas|rato|mucho|poco)", "hace "),
        (r"\bpienas?\b", "piernas"),
        (r"\brespir+", "respir"),
        (r"\bdesmall", "desmay"),
        (r"\b(se|me|le) callo\b", r"\1 cayo"),
        (r"\bme calli?\b", "me cai"),
        (r"\badormes", "adormec"),
        (r"\bentumes", "entumec"),
        (r"\bconvulc", "convuls"),
        (r"\bparalis(?=ad|ar|o|e)", "paraliz"),
        (r"\bsuisid", "suicid"),
        (r"\bimfart", "infart"),
        (r"\bnopued", "no pued"),
        (r"\bsangr+", "sangr"),
        (r"\badrede\b", "a proposito"),
        (r"\bpa\b", "para"),
    )
)
SPACES = re.compile(r"\s+")
# English words of a sign: a message holding one is read by the English rules too.
ENGLISH_SIGN = re.compile(
    r"\b(?:pain|hurts?|sudden\w*|trouble|talk\w*|breath\w*|numb\w*|weak\w*|chest|legs?|arms?"
    r"|face|mouth|droop\w*|worst|feel\w*|started|throat|swell\w*|swollen|bleed\w*|dizzy|vision"
    r"|neck|back|head\w*|fever|suicid\w*|kill|die|dying|help|please|now|cant|cannot|wont)\b"
)
RHETORICAL = re.compile(
    r"[^.?!]*\?\s*(?:no|nada|para nada|que va|nel)\b(?! se\b)"
    r"(?=\s*(?:[,.!;)]|$)|\s+(?:es|era|fue|solo|nada|creo|para|tanto)\b)"
)
# Common Spanish words that English messages do not hold, and the reverse.
SPANISH_HINT = re.compile(
    r"\b(?:el|los|las|del|que|y(?!')|en|es|esta|estoy|tengo|tiene|mi|mis|se|por|para|con|una|muy"
    r"|pero|duele|dolor|yo|hace|desde|cuando|como|ahora|puedo|siento|quiero|ayuda|tuve|hoy|ayer"
    r"|he (?:estado|tenido|pensado|sentido|intentado))\b"
)
ENGLISH_HINT = re.compile(
    r"\b(?:i|im|ive|my|the|and|is|are|was|have|had|it|to|of|with|this|that|not|dont|just|but|you"
    r"|your|for|in|on|at|be|been|what|how|can|cant|do|does|he|she|they|we|our|his|her"
    # Clinical shorthand has no function words ("denies chest pain, sob. c/o neck pain").
    r"|pain|please|pls|denies|denied|c/o|hx|sob)\b"
)


def normalize(text: str) -> str:
    plain = "".join(
        char
        for char in unicodedata.normalize("NFKD", text.lower())
        if not unicodedata.combining(char)
    )
    plain = plain.replace("\u2019", "'").replace("¿", " ").replace("¡", " ")
    for pattern, word in SPELLINGS:
        plain = pattern.sub(word, plain)
    return SPACES.sub(" ", plain).strip()


def clauses(text: str) -> list[str]:
    """The message's clauses, without a question the visitor answers "no" ("¿me duele el pecho?
    no, es la espalda")."""
    plain = RHETORICAL.sub(" ", normalize(text))
    return [part.strip() for part in CLAUSE_BREAK.split(plain) if part.strip()]


def _negated(clause: str, start: int) -> bool:
    """A negation word shortly before `start`, with no comma or new phrase between them."""
    before = clause[:start][-NEGATION_REACH:]
    boundaries = list(NEGATION_BOUNDARY.finditer(before))
    if boundaries:
        before = before[boundaries[-1].end() :]
    return NEGATION.search(before) is not None


def _crisis_counts(clause: str, whole: str) -> bool:
    if CRISIS_DENIAL.search(clause) or CRISIS_FIGURE.search(clause):
        return False
    if CRISIS_GENERAL.search(clause):
        return False
    if OTHERS_PAST.search(clause) and PAST.search(whole) and RECOVERED.search(whole):
        return False
    return not (PAST.search(whole) and RECOVERED.search(whole) and not RELAPSE.search(whole))


def _counts(rule: RuleEs, clause: str, match: re.Match[str], whole: str) -> bool:
    if rule.tier is CRISIS:
        return _crisis_counts(clause, whole)
    if (
        rule.category in FIGURATIVE_CATEGORIES
        and FIGURATIVE.search(clause)
        and not HEART_SIGNS.search(whole)
    ):
        return False
    if rule.category == "breathing" and EXERTION.search(clause):
        return False
    if rule.unless is not None and rule.unless.search(clause):
        return False
    if (GENERAL.search(clause) and not HAPPENING_NOW.search(clause)) or _negated(
        clause, match.start()
    ):
        return False
    if DIED_OF.search(clause[: match.start()]):
        return False
    if (
        OTHERS_PAST.search(clause[: match.start()])
        and OWN_APART.search(whole)
        and not CURRENT.search(clause)
    ):
        return False
    return rule.past_counts or not _dated(clause, match.start())


def _dated(clause: str, start: int) -> bool:
    """A past marker in the clause with nothing current between it and the sign."""
    for past in PAST.finditer(clause):
        low, high = sorted((past.end(), start))
        if not CURRENT.search(clause[low:high]):
            return True
    return False


def _found(rule: RuleEs, parts: list[str], whole: str) -> str | None:
    """What a rule matched in the message, if it holds; None when it does not."""
    if not rule.together:
        for clause in parts:
            match = rule.patterns[0].search(clause)
            if match and _counts(rule, clause, match, whole):
                return match.group(0)
        return None
    matched = []
    for pattern in rule.patterns:
        hit = next(
            (
                match.group(0)
                for clause in parts
                for match in pattern.finditer(clause)
                if _counts(rule, clause, match, whole)
            ),
            None,
        )
        if hit is None:
            return None
        matched.append(hit)
    return " + ".join(matched)


def written_in_spanish(normalized: str) -> bool:
    """Whether the Spanish rules read the message: a Spanish word in it, or no English word (a
    one-word "infarto")."""
    return SPANISH_HINT.search(normalized) is not None or ENGLISH_HINT.search(normalized) is None


def spanish_only(normalized: str) -> bool:
    """A Spanish word in the message and no English one."""
    return SPANISH_HINT.search(normalized) is not None and not (
        ENGLISH_HINT.search(normalized) or ENGLISH_SIGN.search(normalized)
    )


def find_all_red_flags(text: str) -> list[Finding]:
    """The English rules' findings and the Spanish rules'. A message written only in Spanish is
    the Spanish rules' alone: the English rules read neither its negations nor its history ("de
    joven tuve meningitis"); its English words are the Spanish rules' (SPANGLISH_RULES)."""
    english = [] if spanish_only(normalize(text)) else find_red_flags(text)
    return [*english, *find_red_flags_es(text)]


def find_red_flags_es(text: str) -> list[Finding]:
    """Every Spanish rule that holds in the message, at most one finding per category. English
    messages are the English rules' ("not suicidal" holds a word of both languages)."""
    found: dict[str, Finding] = {}
    parts = clauses(text)
    whole = " ".join(parts)
    if not written_in_spanish(whole):
        return []
    rules = RULES_ES + SPANGLISH_RULES if SPANISH_HINT.search(whole) else RULES_ES
    for rule in rules:
        if rule.category in found:
            continue
        matched = _found(rule, parts, whole)
        if matched is not None:
            found[rule.category] = Finding(rule.tier, rule.category, matched)
    return list(found.values())
