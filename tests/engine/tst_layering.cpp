// Keeps the architecture's one-way dependencies (docs/architecture.md, STYLE.md habit 1):
// engine/ includes no Qt header; each engine folder includes only the folders below it;
// LibTorch is included under engine/net/ alone, FFTW under engine/fft/, the image-file
// libraries under engine/io/ (and each in the engine's top-level build information);
// widgets/ includes no LibTorch, FFTW or engine header.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kIncludeEngine = QStringLiteral("^\\s*#\\s*include\\s*\"engine/([a-z]+)/");

// The folders each engine folder may include, itself included. Files directly in engine/
// (the top) may include any folder.
const QMap<QString, QStringList>& allowedLayers()
{
    static const QMap<QString, QStringList> allowed {
        { "core", { "core" } },
        { "io", { "core", "io" } },
        { "fft", { "core", "fft" } },
        { "probe", { "core", "io", "fft", "probe" } },
        { "forward", { "core", "fft", "forward" } },
        { "deconv", { "core", "fft", "forward", "deconv" } },
        { "eval", { "core", "io", "forward", "eval" } },
        { "net", { "core", "io", "fft", "probe", "forward", "deconv", "eval", "net" } },
    };
    return allowed;
}

QStringList sourcesUnder(const QString& root)
{
    QStringList files;
    QDirIterator it(
        root, { "*.h", "*.hpp", "*.cpp", "*.cc" }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QString readSource(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// Every include of an engine folder that the including file's folder may not use, as
// "file: #include line". `engineRoot` is an engine/ folder laid out like ours.
QStringList layerViolations(const QString& engineRoot)
{
    const QRegularExpression include(kIncludeEngine, QRegularExpression::MultilineOption);
    QStringList offenders;
    const QDir root(engineRoot);
    for (const QString& file : sourcesUnder(engineRoot)) {
        const QString relative = root.relativeFilePath(file);
        if (!relative.contains('/'))
            continue; // the top may include every layer
        const QString layer = relative.section('/', 0, 0);
        const QStringList allowed = allowedLayers().value(layer);
        auto matches = include.globalMatch(readSource(file));
        while (matches.hasNext()) {
            const auto match = matches.next();
            if (!allowed.contains(match.captured(1)))
                offenders << relative + ": " + match.captured(0).trimmed() + " (" + layer
                        + "/ may include " + allowed.join(", ") + ")";
        }
    }
    return offenders;
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void forbiddenIncludes_data();
    void forbiddenIncludes();
    void everyEngineFolderIsALayer();
    void engineLayersPointDown();
    void wrongIncludeIsCaught();
};

void TestLayering::forbiddenIncludes_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QStringList>("exempt"); // sub-folders (or top-level files) allowed it
    QTest::addColumn<QString>("forbidden");
    const QString qt
        = "^\\s*#\\s*include\\s*[<\"](Q[A-Za-z]+|Qt[A-Za-z]*/[^>\"]*|qglobal\\.h)[>\"]";
    const QString torch = "^\\s*#\\s*include\\s*[<\"](torch/|ATen/|c10/)[^>\"]*[>\"]";
    const QString fftw = "^\\s*#\\s*include\\s*[<\"]fftw3[^>\"]*[>\"]";
    const QString files
        = "^\\s*#\\s*include\\s*[<\"](tiffio|png|jpeglib|hdf5|H5[A-Za-z]*|matio)\\.h[>\"]";
    QTest::newRow("engine has no Qt") << "engine" << QStringList() << qt;
    QTest::newRow("LibTorch only in engine/net") << "engine" << QStringList { "net" } << torch;
    QTest::newRow("FFTW only in engine/fft")
        << "engine" << QStringList { "fft", "buildinfo.cpp" } << fftw;
    QTest::newRow("file libraries only in engine/io")
        << "engine" << QStringList { "io", "buildinfo.cpp" } << files;
    QTest::newRow("widgets have no LibTorch, FFTW or engine")
        << "widgets" << QStringList()
        << "^\\s*#\\s*include\\s*[<\"](torch/|ATen/|c10/|fftw3|engine/)[^>\"]*[>\"]";
}

void TestLayering::forbiddenIncludes()
{
    QFETCH(QString, folder);
    QFETCH(QStringList, exempt);
    QFETCH(QString, forbidden);
    const QRegularExpression pattern(forbidden, QRegularExpression::MultilineOption);
    const QString root = QStringLiteral(LATENTLENS_SOURCE_DIR) + "/" + folder;
    const QStringList sources = sourcesUnder(root);
    QVERIFY2(!sources.isEmpty(), qPrintable("no sources found under " + root));
    QStringList offenders;
    for (const QString& file : sources) {
        if (exempt.contains(QDir(root).relativeFilePath(file).section('/', 0, 0)))
            continue;
        const auto match = pattern.match(readSource(file));
        if (match.hasMatch())
            offenders << file + ": " + match.captured(0).trimmed();
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join('\n')));
}

void TestLayering::everyEngineFolderIsALayer()
{
    // A new folder must be given its place in the layering (here and in the docs).
    const QDir engine(QStringLiteral(LATENTLENS_SOURCE_DIR) + "/engine");
    const QStringList folders = engine.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!folders.isEmpty());
    for (const QString& folder : folders)
        QVERIFY2(allowedLayers().contains(folder),
            qPrintable("engine/" + folder + " is not in the layer table of tst_layering"));
}

void TestLayering::engineLayersPointDown()
{
    const QStringList offenders
        = layerViolations(QStringLiteral(LATENTLENS_SOURCE_DIR) + "/engine");
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join('\n')));
}

void TestLayering::wrongIncludeIsCaught()
{
    // The checker itself: a scratch engine tree where io/ includes the network.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QVERIFY(QDir(scratch.path()).mkpath("io"));
    QVERIFY(QDir(scratch.path()).mkpath("net"));
    auto write = [&](const QString& name, const QByteArray& text) {
        QFile f(scratch.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("io/reader.cpp",
        "#include \"engine/core/image.h\"\n#include \"engine/net/latentmodel.h\"\n");
    write("net/model.cpp", "#include \"engine/io/imageio.h\"\n");
    write("buildinfo.cpp", "#include \"engine/net/latentmodel.h\"\n");
    const QStringList offenders = layerViolations(scratch.path());
    QCOMPARE(offenders.size(), 1);
    QVERIFY2(offenders.first().startsWith("io/reader.cpp: #include \"engine/net/"),
        qPrintable(offenders.first()));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
