// Keeps the architecture's one-way dependencies (DESIGN.md section 2, STYLE.md habit 1):
// engine/ includes no Qt header; widgets/ includes no LibTorch, FFTW or engine header.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void layers_data();
    void layers();
};

void TestLayering::layers_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("forbidden");
    QTest::newRow("engine has no Qt")
        << "engine"
        << R"(^\s*#\s*include\s*[<"](Q[A-Za-z]+|Qt[A-Za-z]*/[^>"]*|qglobal\.h)[>"])";
    QTest::newRow("widgets have no LibTorch, FFTW or engine")
        << "widgets"
        << R"(^\s*#\s*include\s*[<"](torch/|ATen/|c10/|fftw3|engine/)[^>"]*[>"])";
}

void TestLayering::layers()
{
    QFETCH(QString, folder);
    QFETCH(QString, forbidden);
    const QRegularExpression pattern(forbidden, QRegularExpression::MultilineOption);
    const QString root = QStringLiteral(LATENTLENS_SOURCE_DIR) + "/" + folder;
    QDirIterator it(
        root, { "*.h", "*.hpp", "*.cpp", "*.cc" }, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    QStringList offenders;
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto match = pattern.match(QString::fromUtf8(f.readAll()));
        if (match.hasMatch())
            offenders << file + ": " + match.captured(0).trimmed();
        ++files;
    }
    QVERIFY2(files > 0, qPrintable("no sources found under " + root));
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join('\n')));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
