#include "app/gui/mainwindow.h"

#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace latentlens;

// The studio's catalogues: German and Simplified Chinese, each complete (every message and
// plural form translated), current (lupdate finds nothing new in the sources), and shown.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void catalogueIsCurrent_data();
    void catalogueIsCurrent();
    void menusSpeakTheLanguage_data();
    void menusSpeakTheLanguage();

private:
    static QString catalogue(const QString& language)
    {
        return QStringLiteral(LATENTLENS_SOURCE_DIR "/translations/latentlens_%1.ts").arg(language);
    }
    static void languages();
    /// Runs a Qt tool; returns its standard output and error together.
    static QString run(const QString& program, const QStringList& arguments);
    QTemporaryDir mDir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestTranslations::languages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << "de";
    QTest::newRow("Simplified Chinese") << "zh_CN";
}

QString TestTranslations::run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return QStringLiteral("FAILED: ") + process.readAll();
    return QString::fromUtf8(process.readAll());
}

void TestTranslations::catalogueIsComplete_data()
{
    languages();
}

void TestTranslations::catalogueIsComplete()
{
    QFETCH(QString, language);
    const QString qm = mDir.filePath(language + ".qm");
    const QString out
        = run(QStringLiteral(LATENTLENS_LRELEASE), { catalogue(language), "-qm", qm });
    // "Generated 304 translation(s) (304 finished and 0 unfinished)"
    const auto m = QRegularExpression(
        R"(Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\))")
                       .match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    QVERIFY(m.captured(1).toInt() > 250);
    QCOMPARE(m.captured(3).toInt(), 0);
    QVERIFY2(!out.contains("Ignored"), qPrintable(out)); // untranslated messages lrelease skips
    QFile ts(catalogue(language));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(ts.readAll());
    QVERIFY(!text.contains("type=\"unfinished\""));
    QVERIFY(!text.contains("type=\"vanished\"") && !text.contains("type=\"obsolete\""));
    // Every placeholder of a source is in its translation.
    const QRegularExpression message(
        R"(<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>)",
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression placeholder(R"(%L?\d|%n)");
    for (auto it = message.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        for (auto p = placeholder.globalMatch(match.captured(1)); p.hasNext();) {
            const QString token = p.next().captured(0);
            QVERIFY2(match.captured(2).contains(token),
                qPrintable(match.captured(1) + " -> " + match.captured(2)));
        }
    }
}

void TestTranslations::catalogueIsCurrent_data()
{
    languages();
}

void TestTranslations::catalogueIsCurrent()
{
    QFETCH(QString, language);
    // lupdate on a copy, over the sources the build's lupdate reads: nothing new to translate.
    const QString copy = mDir.filePath("current_" + language + ".ts");
    QFile::remove(copy);
    QVERIFY(QFile::copy(catalogue(language), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    const QString root = QStringLiteral(LATENTLENS_SOURCE_DIR);
    const QString out = run(QStringLiteral(LATENTLENS_LUPDATE),
        { root + "/app/gui", root + "/widgets", "-I", root, "-extensions", "cpp,h", "-no-obsolete",
            "-ts", copy });
    const auto m = QRegularExpression(
        R"(Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\))")
                       .match(out);
    QVERIFY2(m.hasMatch(), qPrintable(out));
    QVERIFY2(m.captured(2).toInt() == 0,
        qPrintable(QString("%1 new messages are not in %2: run the latentlens_lupdate target and "
                           "translate them")
                       .arg(m.captured(2), catalogue(language))));
    QVERIFY2(!out.contains("obsolete"), qPrintable(out));
}

void TestTranslations::menusSpeakTheLanguage_data()
{
    languages();
}

void TestTranslations::menusSpeakTheLanguage()
{
    QFETCH(QString, language);
    const QString qm = mDir.filePath(language + "_menus.qm");
    QVERIFY(!run(QStringLiteral(LATENTLENS_LRELEASE), { catalogue(language), "-qm", qm })
                 .startsWith("FAILED"));
    QTranslator translator;
    QVERIFY(translator.load(qm));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QLocale::setDefault(QLocale(language));
    {
        app::MainWindow window;
        window.show();
        QStringList titles;
        for (QAction* menu : window.menuBar()->actions())
            titles << menu->text();
        const QString file = translator.translate("latentlens::app::MainWindow", "&File");
        QVERIFY(!file.isEmpty() && file != "&File");
        QCOMPARE(titles.first(), file);
        QVERIFY(!titles.contains("&Help") && !titles.contains("&View"));
        if (language == "zh_CN") // Han characters in every menu title
            for (const QString& title : titles)
                QVERIFY2(
                    title.contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]")), qPrintable(title));
        else
            QVERIFY2(titles.contains(translator.translate("latentlens::app::MainWindow", "&Help")),
                qPrintable(titles.join(' ')));
    }
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
