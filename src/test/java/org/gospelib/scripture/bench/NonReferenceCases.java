package org.gospelib.scripture.bench;

import java.util.List;
import java.util.Random;
import org.gospelib.scripture.bench.ReferenceEvaluationSuite.Case;

/**
 * Ordinary sentences that begin with a word that is also a book's name ("Mark my words", "Job
 * well done", "Juan dijo que sí"): a strict parser must refuse them. No number follows the name
 * directly and every sentence holds words that belong to no reference, so none of them is a
 * reference a reader would recognise.
 */
final class NonReferenceCases {

    private static final List<String> ENGLISH_PEOPLE = List.of("John", "Mark", "Luke", "Ruth", "Daniel", "Amos", "Joel",
            "Jude", "Titus", "Esther", "James", "Timothy", "Micah", "Jonah", "Samuel", "Ezra", "Hosea", "Matthew", "Nahum");

    private static final List<String> ENGLISH_DOINGS = List.of("answered", "answered the phone", "said no",
            "said he would come", "was late again", "won the race", "is my brother", "ran five miles",
            "ran 5 miles today", "called me yesterday", "lives next door", "likes pizza", "went home early",
            "knows best", "lost his keys", "bought 3 apples", "from accounting", "will drive us", "fixed the car",
            "plays the guitar", "wrote a letter", "missed the bus", "sent an email", "cooked dinner", "has two dogs",
            "turned 30 last week", "was right", "Smith", "Williams", "Johnson", "Brown", "says hello", "left at noon",
            "scored twice", "'s house", "'s birthday party", "'s new car", "the Baptist", "the Great", "and Andy",
            "told us to wait");

    /** Words that are book names but also common nouns, each with its own ordinary sentences. */
    private static final List<String> ENGLISH_PHRASES = List.of("Job well done", "Job interview tomorrow",
            "Job offer accepted", "Job openings in London", "Job security matters", "Acts of kindness", "Acts of God",
            "Acts of Parliament", "Acts and omissions", "Numbers don't lie", "Numbers game", "Numbers are hard",
            "Numbers station", "Judges ruled today", "Judges panel", "Judges scored her high", "Kings of Leon",
            "Kings win again", "Kings and queens", "Chronicles of Narnia", "Chronicles of a death foretold",
            "Genesis of the project", "Genesis was a band", "Exodus from the city", "Exodus of workers",
            "Lamentations aside", "Revelation of the truth", "Revelation came late", "Song of the year", "Song lyrics",
            "Song for you", "Proverbs and sayings", "Proverbs from China", "Mark my words", "Mark the date",
            "Mark as read", "I am", "I am here", "Am I late?", "Am I right?", "Is he here?", "Is it raining?",
            "Is this it?", "Luke, I am your father", "Titus Andronicus", "Jude the Obscure", "Amos and Andy",
            "Esther's house", "Joel ran 5 miles", "John answered", "Ruth was kind", "Daniel said", "Mark Twain",
            "Luke Skywalker", "Jude Law", "Amos Oz", "Micah Richards", "Jonah Hill", "Esther Williams",
            "Ruth Bader Ginsburg", "Mark Zuckerberg", "Daniel Craig", "Hosea Williams", "Ezra Pound", "Job Centre",
            "Acts like a child", "Numbers went up", "Exodus, the movie", "Revelation Space");

    private static final List<String> SPANISH_PEOPLE = List.of("Juan", "Marcos", "Lucas", "Mateo", "Daniel", "Rut",
            "Ester", "Tito", "Judas", "Santiago", "Samuel", "Esdras", "Jonás", "Miqueas", "Joel", "Amós", "Oseas",
            "Timoteo", "Pedro");

    private static final List<String> SPANISH_DOINGS = List.of("dijo que sí", "llegó tarde", "es mi amigo",
            "vive en Madrid", "juega al fútbol", "trabaja mucho", "tiene 5 años", "compró pan", "está cansado",
            "canta muy bien", "no vino hoy", "salió temprano", "me llamó ayer", "Pérez", "García", "López",
            "tiene dos perros", "ganó la carrera", "perdió las llaves", "cocinó la cena", "escribió una carta",
            "toca la guitarra", "manda saludos", "se fue a casa", "es de Lima", "sabe mucho", "cumple 30 años");

    private static final List<String> SPANISH_PHRASES = List.of("Hechos son amores", "Hechos y no palabras",
            "Hechos reales", "Números primos", "Números rojos", "Números de teléfono", "Job de verano",
            "Jueces del tribunal", "Jueces federales", "Reyes Magos", "Reyes de España", "Crónicas de Narnia",
            "Crónicas marcianas", "Génesis del proyecto", "Éxodo rural", "Éxodo masivo", "Lamentaciones inútiles",
            "Proverbios chinos", "Apocalipsis zombi", "Apocalipsis nuclear", "Santiago de Chile",
            "Santiago de Compostela", "Juan dijo que sí", "Marcos llegó tarde", "Cantares de gesta",
            "Sabiduría popular", "Números pares", "Hechos consumados");

    private NonReferenceCases() {
    }

    /** Names with a continuation most of the time, the fixed phrases a quarter of the time. */
    static Case next(Random random) {
        boolean spanish = random.nextInt(20) < 9;
        String text;
        if (random.nextInt(4) == 0) {
            text = Spellings.pick(spanish ? SPANISH_PHRASES : ENGLISH_PHRASES, random);
        } else {
            String name = Spellings.pick(spanish ? SPANISH_PEOPLE : ENGLISH_PEOPLE, random);
            String doing = Spellings.pick(spanish ? SPANISH_DOINGS : ENGLISH_DOINGS, random);
            text = doing.startsWith("'") ? name + doing : name + " " + doing;
        }
        return new Case("not-a-reference", text, null);
    }
}
