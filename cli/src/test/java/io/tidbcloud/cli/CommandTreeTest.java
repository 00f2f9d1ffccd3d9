package io.tidbcloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidbcloud.cli.auth.LoginCommand;
import io.tidbcloud.cli.output.OutputOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command tree is built with picocli's programmatic API alone: no picocli annotation is read on any path.
 * Reading one costs a cold start the generation of a proxy class per annotation type (see {@link Commands}).
 */
class CommandTreeTest {

    /**
     * Runs ticloud on classes loaded afresh, by a loader that records which it loads. Picocli loads an annotation
     * type as soon as it looks for that annotation (its {@code Command.class} literals, or parsing the annotations
     * of a class such as its own mixin for {@code mixinStandardHelpOptions}), so a run that reads none loads none.
     */
    @Test
    void noCommandLineMakesPicocliReadAnAnnotation(@TempDir Path configDir) throws Exception {
        try (RecordingLoader loader = new RecordingLoader(codeSource(Ticloud.class), codeSource(Probe.class))) {
            @SuppressWarnings("unchecked")
            Function<Path, List<Integer>> probe =
                    (Function<Path, List<Integer>>) loader.loadClass(Probe.class.getName())
                            .getDeclaredConstructor()
                            .newInstance();

            assertEquals(List.of(0, 0, 0, 0, 0, 2, 0), probe.apply(configDir));
            assertTrue(
                    loader.loaded.containsAll(Set.of("picocli.CommandLine", LoginCommand.class.getName())),
                    "the probe ran on classes of its own loader");
            List<String> annotationTypes = new ArrayList<>();
            for (String name : loader.loaded) {
                if (Class.forName(name, false, loader).isAnnotation()) {
                    annotationTypes.add(name);
                }
            }
            assertEquals(List.of(), annotationTypes);
        }
    }

    /** An {@code @Option} or {@code @Command} left on a command would also be silently ignored by the tree. */
    @Test
    void noClassOfTicloudCarriesAPicocliAnnotation() throws Exception {
        List<Class<?>> classes = mainClasses();
        assertTrue(classes.containsAll(List.of(Ticloud.class, LoginCommand.class, OutputOption.class)), "" + classes);

        List<String> annotated = new ArrayList<>();
        for (Class<?> type : classes) {
            collectPicocliAnnotations(type, type.getName(), annotated);
            for (var field : type.getDeclaredFields()) {
                collectPicocliAnnotations(field, type.getName() + "." + field.getName(), annotated);
            }
            List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
            executables.addAll(List.of(type.getDeclaredConstructors()));
            for (Executable executable : executables) {
                String name = type.getName() + "." + executable.getName();
                collectPicocliAnnotations(executable, name, annotated);
                for (Parameter parameter : executable.getParameters()) {
                    collectPicocliAnnotations(parameter, name + "(" + parameter.getName() + ")", annotated);
                }
            }
        }

        assertEquals(List.of(), annotated);
    }

    /** Runs ticloud in-process; loaded by {@link RecordingLoader}, and so is every ticloud and picocli class. */
    public static final class Probe implements Function<Path, List<Integer>> {

        /** Help and completion build the whole tree; then a usage error in an ArgGroup, and a command that runs. */
        private static final String[][] COMMAND_LINES = {
            {"--help"},
            {"--version"},
            {"completion", "bash"},
            {"completion", "fish"},
            {"auth", "login", "--help"},
            {"serverless", "update", "-c", "1"},
            {"config", "describe", "-o", "json"},
        };

        @Override
        public List<Integer> apply(Path configDir) {
            List<Integer> exitCodes = new ArrayList<>();
            for (String[] args : COMMAND_LINES) {
                StringWriter sink = new StringWriter();
                CliContext context = new CliContext(
                        new PrintWriter(sink),
                        new PrintWriter(sink),
                        Map.of("TICLOUD_CONFIG_DIR", configDir.toString()),
                        configDir,
                        null,
                        Clock.systemUTC(),
                        Sleeper.system(),
                        null,
                        false); // no HTTP client nor browser: none of them sends or opens
                exitCodes.add(Ticloud.run(context, args));
            }
            return exitCodes;
        }
    }

    /** Loads ticloud's and picocli's classes itself, the rest (JDK, JUnit, Jackson) from the test's loader. */
    private static final class RecordingLoader extends URLClassLoader {

        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL... classDirectories) {
            super(classDirectories, CommandTreeTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.tidbcloud.cli.") && !name.startsWith("picocli.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                    loaded.add(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static void collectPicocliAnnotations(AnnotatedElement element, String name, List<String> found) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().startsWith("picocli.")) {
                found.add(name + ": @" + annotation.annotationType().getSimpleName());
            }
        }
    }

    /** Every ticloud class compiled from src/main (the tests run against target/classes). */
    private static List<Class<?>> mainClasses() throws Exception {
        Path root = Path.of(codeSource(Ticloud.class).toURI());
        assertTrue(Files.isDirectory(root), root + " is not the classes directory");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.');
                if (name.startsWith("io.tidbcloud.cli.")) { // not picocli's own, which are compiled there too
                    classes.add(Class.forName(name, false, CommandTreeTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}
