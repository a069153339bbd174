#pragma once
// The studio's languages: English is the source; German and Japanese ship as .qm files compiled
// into mbq_ui from translations/*.ts. Qt's own strings (dialog buttons) come from Qt's
// translations when installed.

#include <QStringList>

class QCoreApplication;

namespace mbq {

// Language codes the studio ships, English first: "en", "de", "ja".
QStringList availableLanguages();

// Replaces the application's translators with those for `language` ("de", "ja", "en", or empty
// for the system locale's). Returns false when there is no translation for it, in which case the
// studio stays in English. Widgets retranslate on the LanguageChange event this sends.
bool installLanguage(QCoreApplication *app, const QString &language);

} // namespace mbq
