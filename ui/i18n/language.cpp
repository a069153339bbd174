#include "ui/i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace mbq {
namespace {

// Our translators are children of the application with this name, so a language switch finds
// and replaces exactly them.
const QString kTranslatorName = QStringLiteral("mbqTranslator");

bool install(QCoreApplication *app, const QString &file, const QString &directory)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(kTranslatorName);
    if (!translator->load(file, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};
}

bool installLanguage(QCoreApplication *app, const QString &language)
{
    const auto old = app->findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : old) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }

    const QString code = language.isEmpty()
        ? QLocale::system().name().section(QLatin1Char('_'), 0, 0)
        : language;
    // Numbers follow the interface's language: a German interface on an English system writes
    // "0,50 s", not "0.50 s". The system's locale stays where it speaks that language.
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == QLocale(code).language() ? system : QLocale(code));
    if (code == QLatin1String("en"))
        return true;
    if (!availableLanguages().contains(code)
        || !install(app, QStringLiteral("mbq_%1.qm").arg(code), QStringLiteral(":/i18n")))
        return false;
    // Qt's own strings (dialog buttons); optional, the studio works without them.
    install(app, QStringLiteral("qtbase_%1").arg(code),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

} // namespace mbq
