#pragma once
// Typed reads out of a parsed JSON document that never crash on hostile input: each read checks
// presence and type and, on the first problem, records one error naming the file and the JSON
// path, e.g. "demo.mbqproj: settings.width must be a number, got a string".

#include "inference/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>

namespace mbq {

class JsonReader
{
public:
    enum Presence { Required, Optional };

    explicit JsonReader(QString fileName)
        : m_fileName(std::move(fileName))
    { }

    static QString join(const QString &path, const QString &key);
    static QString index(const QString &path, int i);

    bool failed() const { return m_failed; }
    // The first recorded problem as a BadFormat error (or `code` when given to fail()).
    Error error() const { return m_error; }

    // Records "<file>: <path> <problem>" unless a problem is already recorded. Returns false,
    // so readers can `return reader.fail(...)`.
    bool fail(const QString &path, const QString &problem, ErrorCode code = ErrorCode::BadFormat);
    // Records "<file>: <message>" for messages that already name their path.
    bool failMessage(const QString &message, ErrorCode code = ErrorCode::BadFormat);

    // Each reader looks up `key` in `object` (at JSON path `path`, which names the object).
    // A missing Optional key leaves *out untouched and succeeds.
    bool object(const QJsonObject &object, const QString &key, const QString &path,
                QJsonObject *out, Presence presence = Required);
    bool array(const QJsonObject &object, const QString &key, const QString &path, QJsonArray *out,
               Presence presence = Required);
    bool string(const QJsonObject &object, const QString &key, const QString &path, QString *out,
                Presence presence = Required);
    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool *out,
                 Presence presence = Required);
    bool number(const QJsonObject &object, const QString &key, const QString &path, double *out,
                Presence presence = Required);
    bool integer(const QJsonObject &object, const QString &key, const QString &path, int *out,
                 Presence presence = Required);
    // A uint64 written as a decimal string (JSON numbers lose precision above 2^53); a plain
    // number is accepted up to 2^53 for hand-written files.
    bool uint64(const QJsonObject &object, const QString &key, const QString &path, uint64_t *out,
                Presence presence = Required);

    // Checks an already extracted value, e.g. an array element at `path`.
    bool numberValue(const QJsonValue &value, const QString &path, double *out);
    bool objectValue(const QJsonValue &value, const QString &path, QJsonObject *out);

private:
    bool lookup(const QJsonObject &object, const QString &key, const QString &path,
                Presence presence, QJsonValue *out);
    bool wrongType(const QJsonValue &value, const QString &path, const QString &expected);

    QString m_fileName;
    Error m_error;
    bool m_failed = false;
};

} // namespace mbq
