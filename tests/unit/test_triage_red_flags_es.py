"""The Spanish red flags (clinic/triage/red_flags_es.py): each category of docs/triage.md in
visitors' own Spanish (regional words, accents missing, typos, Spanglish), negation, history, a
question in general, figures of speech, a crisis's only denials, and the Spanish development sets
(tests/spanish/dev/, data/triage/es_round1/, tests/triage/dev_es2/), which the rules must keep."""

from pathlib import Path

import pytest
import yaml

from clinic.triage.red_flags import most_severe
from clinic.triage.red_flags_es import find_all_red_flags, find_red_flags_es, normalize

DEV = Path(__file__).resolve().parents[1] / "spanish" / "dev"
# The blind Spanish triage development sets, whose misses were reviewed (docs/spanish.md): the
# first is now training data for the triage model, the second the development measure.
DEV_ES = Path(__file__).resolve().parents[2] / "data" / "triage" / "es_round1"
DEV_ES2 = Path(__file__).resolve().parents[1] / "triage" / "dev_es2"


def category(text: str) -> str | None:
    finding = most_severe(find_red_flags_es(text))
    return finding.category if finding else None


def tier(text: str) -> str | None:
    finding = most_severe(find_all_red_flags(text))
    return finding.tier.intent if finding else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tengo un dolor muy fuerte en el pecho y no puedo respirar", "chest_pain"),
        ("siento una presión en el pecho que se me corre al brazo izquierdo", "chest_pain"),
        ("creo q me esta dando un infarto", "chest_pain"),
        ("tengo como un elefante sentado en el pecho", "chest_pain"),
        ("mi abuelo se queja del pecho y esta sudando", "chest_pain"),
        ("tengo dolor en el pecho, no se me quita", "chest_pain"),
        ("me falta el aire", "breathing"),
        ("no agarro aire", "breathing"),
        ("ayudaa no puedo respirarr", "breathing"),
        ("mi esposo tiene los labios morados", "breathing"),
        ("se me cayó un lado de la cara y hablo raro", "stroke"),
        ("mi mama de repente no puede mover el brazo derecho", "stroke"),
        ("de repente se me durmio todo el lado izquierdo del cuerpo", "stroke"),
        ("creo q le dio una embolia a mi papa", "stroke"),
        ("de repente perdi la vista de un ojo", "stroke"),
        ("tengo la entrepierna dormida y no puedo orinar", "cauda_equina"),
        ("no siento nada cuando me limpio", "cauda_equina"),
        ("se me orina sin darme cuenta y me duele la espalda", "cauda_equina"),
        ("perdí el control de la vejiga", "cauda_equina"),
        ("tengo las nalgas dormidas y no siento el papel", "cauda_equina"),
        ("ciatica en las dos piernas y no he orinado desde ayer", "cauda_equina"),
        ("no tengo fuerza en las dos piernas", "cauda_equina"),
        ("es el peor dolor de cabeza de mi vida", "thunderclap_headache"),
        ("me dio un dolor de cabeza de repente, horrible, como un trueno", "thunderclap_headache"),
        ("tengo fiebre y el cuello tieso", "meningitis"),
        ("tengo calentura y no puedo bajar la barbilla al pecho", "meningitis"),
        ("mi hijo tiene fiebre y manchas moradas en las piernas", "meningitis"),
        ("me caí de la escalera y tengo las piernas entumidas", "major_trauma"),
        ("tuve un accidente de carro hace una hora y me duele el cuello", "major_trauma"),
        ("me di un golpe en la cabeza y estoy vomitando", "head_injury"),
        ("se pego en la cabeza y esta confundido", "head_injury"),
        ("es como si me estuvieran desgarrando la espalda por dentro", "tearing_pain"),
        ("dolor como un desgarro entre los omoplatos, de repente", "tearing_pain"),
        ("se me está cerrando la garganta después de la inyección", "anaphylaxis"),
        ("se me hincharon la lengua y los labios", "anaphylaxis"),
        ("me salieron ronchas y me cuesta tragar despues de tomar la medicina", "anaphylaxis"),
        ("no puedo mover las piernas", "sudden_paralysis"),
        ("las piernas no me responden", "sudden_paralysis"),
        ("después del ajuste del cuello me mareé horrible y no puedo tragar", "neck_artery"),
        ("desde el masaje de cuello veo doble", "neck_artery"),
        ("mi hermano está convulsionando", "other_emergency"),
        ("mi esposo se desmayó y no reacciona", "other_emergency"),
        ("estoy sangrando mucho y no para", "other_emergency"),
        ("se tomó todo el frasco de pastillas", "other_emergency"),
        ("pienso en quitarme la vida", "suicidal_thoughts"),
        ("ya no quiero vivir", "suicidal_thoughts"),
        ("kiero morirme", "suicidal_thoughts"),
        ("todos estarian mejor sin mi", "suicidal_thoughts"),
        ("estoy pensando en tirarme del puente", "suicidal_thoughts"),
        ("me corto los brazos cuando me siento mal", "self_harm"),
        ("me hago daño a propósito", "self_harm"),
        ("tengo fiebre y me duele la espalda", "fever_with_back_pain"),
        ("tengo calentura y dolor de rinones", "fever_with_back_pain"),
        (
            "me operaron de la columna hace dos semanas y ahora me duele mas y esta roja la herida",
            "after_spinal_procedure",
        ),
        ("tuve cáncer de mama hace 5 años y ahora me duele la espalda", "cancer_history"),
        ("estoy en quimio y me duele mucho la columna en la noche", "cancer_history"),
        (
            "tengo la pierna cada vez más débil desde hace unos días",
            "worsening_weakness_or_numbness",
        ),
        ("el hormigueo se me esta extendiendo a toda la pierna", "worsening_weakness_or_numbness"),
        ("he bajado 10 kilos sin hacer dieta y me duele la espalda", "weight_loss"),
        ("tengo osteoporosis y de repente me duele mucho la espalda al toser", "other_urgent"),
        # Told otherwise: the Spanish development set's review.
        ("weyy tengo las piernas entumidas las dos y no he podido ir al baño", "cauda_equina"),
        ("mi tio se puso gris, se agarra el pecho y dice que le duele mucho", "chest_pain"),
        ("no es ansiedad, esto es un dolor que me oprime el pecho", "chest_pain"),
        ("no pasa el aire, me silba la garganta y estoy muy asustada", "breathing"),
        ("a mami se le viró la boca de momento y no puede subir el brazo derecho", "stroke"),
        ("mi papa dice palabras que no tienen sentido, empezo hace rato", "stroke"),
        ("me desperté y no puedo mover el brazo derecho ni la pierna derecha", "stroke"),
        ("le sonaron el cuello en la quiropráctica hace rato y ve borroso y doble", "neck_artery"),
        ("me dio un dolor en la nuca tremendo, el peor de mi vida", "thunderclap_headache"),
        ("tengo fiebre y manchas en la piel que no se quitan con el vaso", "meningitis"),
        ("volcamos en la carretera y mi esposa no siente las manos", "major_trauma"),
        ("se cayo el niño de la litera de cabeza y vomito dos veces", "head_injury"),
        ("siento que algo se me rasga por dentro en la espalda", "tearing_pain"),
        ("tomé un antibiotico nuevo y tengo la cara hinchada y los labios enormes", "anaphylaxis"),
        ("estaba en la cocina y se me cayeron las piernas, no me responden", "sudden_paralysis"),
        ("hice caca negra como alquitran y estoy muy mareado", "other_emergency"),
        ("estoy embarazada, me duele mucho la cabeza y veo lucecitas", "other_emergency"),
        ("mi mamá es diabética y está confundida, no responde", "other_emergency"),
        ("he estado juntando pastillas por si acaso", "suicidal_thoughts"),
        ("nadie me extrañaría si desapareciera para siempre", "suicidal_thoughts"),
        ("me quemé el brazo con la plancha a propósito", "self_harm"),
        ("el pie se me cae al caminar y va empeorando", "worsening_weakness_or_numbness"),
        ("orino con sangre y me duele la espalda de lado", "other_urgent"),
        # dev15's review (session 13): no control told with "no tengo".
        ("mi papá no tiene control de la orina desde ayer y le duele la cintura", "cauda_equina"),
    ],
)
def test_each_category_is_found(text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chest pain y no puedo respirar bien", "emergency"),
        ("me duele mucho el pecho, like a lot of pressure", "emergency"),
        ("i want to kill myself, ayuda", "crisis"),
        ("ya no quiero vivir, I want to die, sorry my English", "crisis"),
    ],
)
def test_spanglish_is_flagged_by_either_list(text: str, expected: str) -> None:
    assert tier(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Negated.
        "no tengo fiebre, solo me duele la espalda",
        "sin fiebre, el cuello tieso de dormir mal",
        "no tengo entumecimiento ni problemas para orinar",
        "no siento dolor en el pecho, solo en el hombro",
        "no tengo dolor de pecho ni dificultad para respirar",
        "no es el peor dolor de cabeza, es el de siempre",
        "no he tenido ningun accidente, solo me duele",
        "nunca he tenido cáncer",
        # History.
        "tuve un infarto hace años y ahora quiero ayuda con la espalda",
        "me caí hace dos años y la espalda nunca quedó igual",
        "hace años tuve una hernia de disco",
        "el año pasado tuve ciática en las dos piernas",
        "mi papá tuvo un derrame en 2015",
        "hace tres años me operaron de la columna, ahora estoy bien",
        # In general, or as a hypothesis.
        "¿cuáles son las señales de alarma del dolor de espalda?",
        "¿qué hago si tengo entumecimiento en la entrepierna?",
        "ART puede causar un derrame?",
        "si tuviera fiebre con dolor de espalda, ¿qué hago?",
        "si me duele el pecho después, ¿tengo que llamar al 911?",
        # Figures of speech and everyday complaints.
        "me muero de dolor de espalda",
        "este dolor de espalda me está matando",
        "me quiero morir del dolor de espalda jajaja",
        "mi jefe me va a matar si falto",
        "me quedé sin aire de tanto reír",
        "me duele el pecho de las lagartijas en el gym",
        "me duele el pecho cuando toso mucho de la gripa",
        "duermo de pecho y me duele el cuello",
        "se me duerme la mano en la noche",
        "tengo hormigueo en la pierna derecha por la ciatica",
        "se me durmieron las piernas de estar sentado mucho tiempo",
        "no puedo hablar ahora, mejor mándeme un correo",
        "no quiero seguir con el tratamiento",
        "me tome 2 pastillas de ibuprofeno y no me hizo nada",
        "mi mamá tuvo cáncer y a mí me duele la espalda baja",
        "bajé 5 kilos con dieta y me duele la rodilla",
        "tengo dolor en el hombro y no puedo levantar el brazo",
        "me caí sentada y me duele la cola",
        "siento que me atropelló un camión, el cuello no lo puedo mover casi",
        "tuve un choquecito en el estacionamiento, solo el cuello un poco adolorido",
        # Answered "no", told as someone else's and over, or as what someone died of.
        "me duele el pecho? no, para nada, es la espalda media cuando me estiro",
        "de joven tuve meningitis, ahora lo que tengo es dolor de cuello de la oficina",
        "mi suegro tuvo dolor de pecho, lo revisaron en urgencias y le pusieron un stent",
        "mi vecino se murió de un aneurisma, pero el mio es dolor de tension normal",
        "la doctora descarto lo de la cauda equina, es una hernia normal",
        "si me llega a dar fiebre con el cuello tieso, que debo hacer?",
        "dolor de cabeza normal, nada que ver con el peor de mi vida",
        # A crisis denied or told as over.
        "no quiero hacerme daño, solo estoy cansado del dolor",
        "nunca he pensado en suicidarme, solo quiero que me quiten el dolor",
        "hace años intenté suicidarme pero ahora estoy bien, vengo por la espalda",
        # Questions about the treatment in a sign's words (session 11, es_dev5's FAQ questions).
        "todos los dias acabo con la cabeza reventada de tanto estudiar, me sirve la terapia?",
        "tuve un choque y quede con la espalda tensa, ya van dos meses",
        "una inyeccion de cortisona es mejor que la terapia para la espalda?",
        # A finger cut by accident (dev15's review, session 13).
        "me corté un dedo con el cuchillo del pan, ya está bien",
    ],
)
def test_negated_dated_general_and_everyday_messages_are_not_flagged(text: str) -> None:
    assert tier(text) is None


def test_accents_and_everyday_spellings_are_folded() -> None:
    assert (
        normalize("¿Kiero una cita x la ESPALDA, q hago?")
        == "quiero una cita por la espalda, que hago?"
    )


def test_a_red_flag_beside_what_someone_died_of_still_counts() -> None:
    assert tier(
        "estoy con un dolor en el pecho que me aprieta fuerte, mi mamá murió de infarto"
    ) == ("emergency")


def test_english_text_is_left_to_the_english_rules() -> None:
    assert find_red_flags_es("I have crushing chest pain and I'm thinking about suicide") == []
    assert find_red_flags_es("not suicidal, just fed up with this back pain") == []
    assert find_red_flags_es("what are the warning signs of cauda equina?") == []


def test_the_spanish_development_sets_hold() -> None:
    def tiers(name: str) -> list[str | None]:
        examples = yaml.safe_load((DEV / f"{name}.yml").read_text(encoding="utf-8"))["examples"]
        return [tier(example["text"]) for example in examples]

    assert all(found in ("emergency", "crisis") for found in tiers("red_flags"))
    assert set(tiers("crisis")) == {"crisis"}
    assert not {"emergency", "crisis", "urgent_care"} & set(tiers("everyday"))


@pytest.mark.parametrize("directory", [DEV_ES, DEV_ES2], ids=["es_round1", "dev_es2"])
def test_the_reviewed_spanish_triage_development_sets_hold(directory: Path) -> None:
    def tiers(name: str) -> list[str | None]:
        examples = yaml.safe_load((directory / f"{name}.yml").read_text(encoding="utf-8"))
        return [tier(example["text"]) for example in examples["examples"]]

    assert all(found in ("emergency", "crisis") for found in tiers("red_flags"))
    assert set(tiers("crisis")) == {"crisis"}
    assert all(found in ("urgent_care", "emergency", "crisis") for found in tiers("urgent"))
    assert not {"emergency", "crisis", "urgent_care"} & set(tiers("everyday"))
    assert not {"emergency", "crisis"} & set(tiers("negated"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lay and regional words of each sign, and their verb forms.
        ("tengo la pierna como muerta y la otra igual, no siento las dos", "cauda_equina"),
        ("tengo las piernas acorchadas las dos y me duele la espalda", "cauda_equina"),
        ("no puedo hacer chis desde ayer y me duele la espalda", "cauda_equina"),
        ("tengo horas sin poder orinar y la espalda baja me mata", "cauda_equina"),
        ("no he ido al baño a orinar en todo el dia aunque quiero", "cauda_equina"),
        ("me hice del baño en la ropa sin darme cuenta", "cauda_equina"),
        ("se me va la orina", "cauda_equina"),
        ("tengo dormida toda la parte de abajo, desde la cintura", "cauda_equina"),
        ("siento un fierro en el pecho", "chest_pain"),
        ("me pesa el pecho y sudo mucho", "chest_pain"),
        ("me duele el torax del lado izquierdo y el brazo", "chest_pain"),
        ("siento como una mano que me aprieta el corazon", "chest_pain"),
        ("mi papa habla mocho de repente", "stroke"),
        ("se le cae la baba de un lado y no puede hablar", "stroke"),
        ("se me oscurecio la vista de un ojo de repente", "stroke"),
        ("me dio un dolor de cabeza fulminante", "thunderclap_headache"),
        ("mi papa se golpeo la cabeza y anda como ido", "head_injury"),
        ("tengo miedo de hacerme algo", "suicidal_thoughts"),
        ("quiero tomarme el veneno para ratas", "suicidal_thoughts"),
        ("me voy a tomar todas las pastillas que tengo", "suicidal_thoughts"),
        ("quiero dormir para siempre", "suicidal_thoughts"),
        ("ya no vale la pena nada", "suicidal_thoughts"),
        ("me hago cortadas en las piernas", "self_harm"),
        ("mi hija dice que se va a cortar", "self_harm"),
        # Spelling by ear and keys held down.
        ("ya no quiero bivir", "suicidal_thoughts"),
        ("tengo un dolor en el pesho muy fuerte", "chest_pain"),
        ("no puedo respirrar", "breathing"),
        ("ayudaaa se callo mi papa y no siente las pienas", "major_trauma"),
    ],
)
def test_each_sign_is_found_in_its_lay_words_and_spellings(text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "me falta el aire cuando subo escaleras porque estoy fuera de forma",
        "me voy a cortar el pelo el sabado",
        "me duele el corazon de ver a mi hijo asi",
        "tengo el pecho adolorido de toser, como un fierro no",
        "nunca me he hecho del baño en la ropa, solo me duele la cintura",
        "no tengo miedo de hacerme algo, solo quiero que pase el dolor",
        "hace años me dio un dolor de cabeza fulminante, ahora solo es el cuello",
        "si me llega a dar un dolor de cabeza fulminante, ¿qué hago?",
        "tomo todas las pastillas que me dio el doctor, pero sigue el dolor",
    ],
)
def test_the_lay_words_keep_their_negations_and_everyday_uses(text: str) -> None:
    assert tier(text) is None


def test_typing_slips_are_folded_but_english_words_keep_their_letters() -> None:
    assert normalize("ayudaaa no puedo respirarr") == "ayuda no puedo respirar"
    assert normalize("ya no quiero bivir, se callo") == "ya no quiero vivir, se cayo"
    assert normalize("vision loss in 2019") == "vision loss in 2019"
    assert normalize("cree que es la calle") == "cree que es la calle"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The second development set's review: each sign's other wordings (not its messages).
        ("ya no quiero seguir, estoy cansada de la vida", "suicidal_thoughts"),
        ("ya no aguanto mas este dolor ni esta vida", "suicidal_thoughts"),
        ("me quiero ir de este mundo", "suicidal_thoughts"),
        ("ya regale todas mis cosas", "suicidal_thoughts"),
        ("he estado buscando maneras de morir", "suicidal_thoughts"),
        ("no tengo ganas de seguir viviendo", "suicidal_thoughts"),
        ("cuantas pastillas hacen falta para no despertar", "suicidal_thoughts"),
        ("ojala no amanezca mañana", "suicidal_thoughts"),
        ("despues de hoy ya no me van a ver mas", "suicidal_thoughts"),
        ("mi abuelo dice que ya no quiere vivir", "suicidal_thoughts"),
        ("morir seria un descanso", "suicidal_thoughts"),
        ("estoy en el garaje con el motor encendido", "suicidal_thoughts"),
        ("tengo la escopeta aqui a mi lado", "suicidal_thoughts"),
        ("¿que hago si quiero morirme? nadie sabe", "suicidal_thoughts"),
        ("me doy cachetadas hasta que me duele cuando me enojo", "self_harm"),
        ("me pellizco los brazos hasta sangrar", "self_harm"),
        ("me lastimo adrede", "self_harm"),
        ("me pego con el cinturon a mi mismo", "self_harm"),
        ("respira como pescado fuera del agua", "breathing"),
        ("mi hijo esta azulado y respira con ruido", "breathing"),
        ("se me hinchó la lengua de repente", "anaphylaxis"),
        ("me salieron ronchas y tengo la cara hinchada", "anaphylaxis"),
        ("quiero orinar y no me sale nada", "cauda_equina"),
        ("no aguanto la orina y me duele la espalda", "cauda_equina"),
        ("un apreton en el pecho que me sube al cuello, sera muscular?", "chest_pain"),
        ("a mi tio se le ve la boca chueca", "stroke"),
        ("de repente perdi la fuerza en el brazo", "stroke"),
        ("se le quedo tieso el lado derecho", "stroke"),
        ("mi mama no puede levantar el brazo izquierdo y no pronuncia bien", "stroke"),
        ("se me enredan las palabras", "stroke"),
        ("mis piernas no responden", "sudden_paralysis"),
        ("no puedo mover medio cuerpo", "sudden_paralysis"),
        ("dolor lacerante que va de la espalda hacia el vientre", "tearing_pain"),
        ("me late la panza y me duele la espalda", "tearing_pain"),
        ("de pronto un dolor en la cabeza brutal", "thunderclap_headache"),
        ("mi bebe tiene fiebre y la mollera abultada", "meningitis"),
        ("se pego en la cabeza y repite lo mismo una y otra vez", "head_injury"),
        ("me golpee la cabeza y me sale sangre del oido", "head_injury"),
        ("me aplasto un carro contra la pared y me duele el abdomen", "major_trauma"),
        ("me cai de la azotea y me duele la espalda", "major_trauma"),
        ("me tronaron el cuello y ahora todo me gira, la lengua no me obedece", "neck_artery"),
        ("me desplome en la cocina", "other_emergency"),
        ("hago popo negra y me siento debil", "other_emergency"),
        ("me sangra la nariz sin parar desde hace una hora", "other_emergency"),
        ("mi hijo se trago una pila", "other_emergency"),
        ("creo que nos intoxicamos con el gas de la estufa", "other_emergency"),
        ("el corazon acelerado a mil y siento que me desmayo", "other_emergency"),
        ("ciatica de hace meses, hoy se me salio la orina sin darme cuenta", "cauda_equina"),
        # Urgent care in other verb forms.
        ("me infiltraron la columna hace una semana y me duele mas", "after_spinal_procedure"),
        ("la pierna esta mas debil cada dia", "worsening_weakness_or_numbness"),
        ("perdi peso sin razon y me duele la cintura", "weight_loss"),
    ],
)
def test_the_second_review_finds_each_sign_in_other_words(text: str, expected: str) -> None:
    assert category(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no quiero seguir con las sesiones, mejor pruebo otra cosa",
        "para que sigo con el tratamiento si no mejoro",
        "tengo todo planeado para la cita del lunes",
        "cuantas pastillas de ibuprofeno puedo tomar para no tener dolor",
        "los ejercicios los puedo hacer yo mismo en casa?",
        "babeo la almohada cuando duermo",
        "el moreton de la rodilla esta morado",
        "me duele el estomago, tengo fiebre, vomite y me siento horrible",
        "se me escapa un gas sin querer",
        "me dieron masaje en el cuello y ahora puedo girar la cabeza mejor",
        "me di golpes con todo porque soy torpe",
        "tengo cortes recientes de la cirugia en la espalda",
        "sudo a chorros en el gym",
        "el dolor me aplasta y se me duerme la pierna",
        "me cayo mal la comida",
        "perdi un poco la vista con la edad",
        "dolor lacerante en la espalda baja al agacharme",
        "tengo una desgarradura muscular en la espalda del gym",
        "me duele la cara de la caida de ayer, fue leve",
        "no aguanto este dolor de espalda, me esta arruinando la vida",
        "no siento nada raro en la zona intima, es el lumbago de siempre",
        "una vez me dio anafilaxia con nueces, ya no las como",
        "¿que sintomas de un infarto se confunden con dolor de espalda?",
        "mi abuela tuvo una embolia, yo solo tengo la espalda cargada",
        "mi primo intento suicidarse hace años, ya esta en tratamiento y bien",
        "hace mucho tuve pensamientos de suicidio, fui a terapia y estoy bien",
        "me duele el hombro izquierdo de cargar la bolsa siempre del mismo lado",
    ],
)
def test_the_second_review_keeps_everyday_and_negated_wordings_out(text: str) -> None:
    assert tier(text) is None


def test_a_past_marker_does_not_date_a_sign_told_now() -> None:
    assert category("tengo ciatica de hace meses y hoy no puedo orinar") == "cauda_equina"
    assert category("hace años no puedo orinar bien, me operaron de la prostata") is None


def test_a_wish_to_hurt_oneself_with_the_pronoun_first_is_a_crisis() -> None:
    """'me quiero hacer daño' puts the pronoun before the wish: es_dev7 (session 12) had it sent
    to the symptom check only, by the model."""
    assert category("a veces me quiero hacer daño") == "self_harm"
    assert category("me quisiera lastimar, no aguanto mas") == "self_harm"
    assert tier("no me quiero hacer dano, solo tengo la espalda tiesa") is None
    assert tier("me quiero lastimar la espalda lo menos posible en el gym") is None
    assert tier("me quiero lastimar a quien me choco el carro") is None
