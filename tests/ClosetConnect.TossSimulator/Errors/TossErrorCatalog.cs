using System.Collections.Frozen;

namespace ClosetConnect.TossSimulator.Errors;

/// <summary>
/// The error codes of toss-api.md §5.2 with their HTTP status and messages. Korean messages are Toss's where the docs
/// quote them; the others, and all English ones, are our wording (Toss's English texts are not published per code).
/// </summary>
public static class TossErrorCatalog
{
    private static readonly FrozenDictionary<string, TossErrorDefinition> Definitions = new TossErrorDefinition[]
    {
        // Request shape, keys and idempotency.
        new("INVALID_REQUEST", 400, "잘못된 요청입니다.", "The request is invalid."),
        new("INVALID_API_KEY", 400, "잘못된 시크릿키 연동 정보 입니다.", "The secret key does not match this payment's integration."),
        new("UNAUTHORIZED_KEY", 401, "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.", "Unauthorized secret key or client key."),
        new("INCORRECT_BASIC_AUTH_FORMAT", 403, "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.", "Invalid Basic authorization: encode the secret key followed by ':'."),
        new("NOT_SUPPORTED_WIDGET_KEY", 403, "위젯 키로는 지원하지 않는 기능입니다.", "This feature does not support widget keys."),
        new("FORBIDDEN_REQUEST", 403, "허용되지 않은 요청입니다.", "This request is not allowed."),
        new("FORBIDDEN_CONSECUTIVE_REQUEST", 403, "반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.", "Repeated requests are not allowed. Try again in a moment."),
        new("INVALID_IDEMPOTENCY_KEY", 400, "멱등키는 300자 이하로 입력해주세요.", "The Idempotency-Key must be at most 300 characters."),
        new("IDEMPOTENT_REQUEST_PROCESSING", 409, "이전 멱등 요청이 처리중입니다. 다시 요청해서 응답을 확인하세요.", "A request with this Idempotency-Key is still being processed. Send it again to see its response."),

        // Confirm.
        new("ALREADY_PROCESSED_PAYMENT", 400, "이미 처리된 결제 입니다.", "This payment has already been processed."),
        new("PROVIDER_ERROR", 400, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.", "A temporary error occurred. Try again in a moment."),
        new("BELOW_MINIMUM_AMOUNT", 400, "신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.", "Card payments start at 100 KRW and account payments at 200 KRW."),
        new("DUPLICATED_ORDER_ID", 400, "이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.", "This orderId has already been approved or canceled. Use another orderId."),
        new("EXCEED_MAX_CARD_INSTALLMENT_PLAN", 400, "설정 가능한 최대 할부 개월 수를 초과했습니다.", "The installment plan exceeds the maximum number of months."),
        new("NOT_ALLOWED_POINT_USE", 400, "포인트 사용이 불가한 카드로 카드 포인트 결제에 실패했습니다.", "This card cannot pay with card points."),
        new("INVALID_REJECT_CARD", 400, "카드 사용이 거절되었습니다. 카드사 문의가 필요합니다.", "The card was declined. Contact the card company."),
        new("INVALID_CARD_EXPIRATION", 400, "카드 정보를 다시 확인해주세요. (유효기간)", "Check the card's expiry date."),
        new("INVALID_STOPPED_CARD", 400, "정지된 카드 입니다.", "This card is suspended."),
        new("INVALID_CARD_NUMBER", 400, "카드번호를 다시 확인해주세요.", "Check the card number."),
        new("EXCEED_MAX_AMOUNT", 400, "거래금액 한도를 초과했습니다.", "The transaction amount exceeds the limit."),
        new("INVALID_CARD_LOST_OR_STOLEN", 400, "분실 혹은 도난 카드입니다.", "This card was reported lost or stolen."),
        new("UNAPPROVED_ORDER_ID", 400, "아직 승인되지 않은 주문번호입니다.", "This orderId has not been approved yet."),
        new("EXCEED_MAX_DAILY_PAYMENT_COUNT", 400, "하루 결제 가능 횟수를 초과했습니다.", "The daily number of payments was exceeded."),
        new("EXCEED_MAX_PAYMENT_AMOUNT", 400, "하루 결제 가능 금액을 초과했습니다.", "The daily payment amount was exceeded."),
        new("NOT_AVAILABLE_PAYMENT", 400, "결제가 불가능한 시간대입니다.", "Payments are not available at this time."),
        new("CARD_PROCESSING_ERROR", 400, "카드사에서 오류가 발생했습니다.", "The card company reported an error."),
        new("INVALID_PAYMENT_KEY", 400, "잘못된 결제 키입니다.", "The paymentKey is invalid."),
        new("PAY_PROCESS_CANCELED", 400, "사용자에 의해 결제가 취소되었습니다.", "The customer canceled the payment."),
        new("PAY_PROCESS_ABORTED", 400, "결제 진행 중 승인에 실패하여 결제가 중단되었습니다.", "The payment was aborted because its approval failed."),
        new("REJECT_CARD_PAYMENT", 403, "한도초과 혹은 잔액부족으로 결제에 실패했습니다.", "The payment failed: credit limit exceeded or insufficient balance."),
        new("REJECT_CARD_COMPANY", 403, "결제 승인이 거절되었습니다.", "The card company refused the payment."),
        new("REJECT_ACCOUNT_PAYMENT", 403, "잔액부족으로 결제에 실패했습니다.", "The payment failed: insufficient balance."),
        new("REJECT_TOSSPAY_INVALID_ACCOUNT", 403, "선택하신 출금 계좌가 출금이체 등록이 되어 있지 않아요. 계좌를 다시 등록해 주세요.", "The selected withdrawal account is not registered. Register the account again."),
        new("EXCEED_MAX_AUTH_COUNT", 403, "최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요.", "Too many authentication attempts. Contact the card company."),
        new("EXCEED_MAX_ONE_DAY_AMOUNT", 403, "일일 한도를 초과했습니다.", "The daily limit was exceeded."),
        new("NOT_AVAILABLE_BANK", 403, "은행 서비스 시간이 아닙니다.", "The bank is outside its service hours."),
        new("INVALID_PASSWORD", 403, "결제 비밀번호가 일치하지 않습니다.", "The payment password is incorrect."),
        new("FDS_ERROR", 403, "[토스페이먼츠] 위험거래가 감지되어 결제가 제한됩니다.", "[TossPayments] The payment is restricted because a risky transaction was detected."),
        new("NOT_FOUND_PAYMENT", 404, "존재하지 않는 결제 입니다.", "The payment does not exist."),
        new("NOT_FOUND_PAYMENT_SESSION", 404, "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.", "The payment session expired, so its data no longer exists."),
        new("NOT_FOUND", 404, "존재하지 않는 정보 입니다.", "The information does not exist."),
        new("EXPIRED_PAYMENT", 400, "결제가 만료되었습니다. 다시 시도해주세요.", "The payment has expired. Please try again."),

        // Cancel.
        new("ALREADY_CANCELED_PAYMENT", 400, "이미 취소된 결제 입니다.", "This payment has already been canceled."),
        new("NOT_MATCHES_REFUNDABLE_AMOUNT", 400, "잔액 결과가 일치하지 않습니다.", "refundableAmount does not match the refundable balance."),
        new("INVALID_REFUND_ACCOUNT_INFO", 400, "환불 계좌번호와 예금주명이 일치하지 않습니다.", "The refund account number and holder name do not match."),
        new("INVALID_REFUND_ACCOUNT_NUMBER", 400, "잘못된 환불 계좌번호입니다.", "The refund account number is invalid."),
        new("INVALID_BANK", 400, "유효하지 않은 은행입니다.", "The bank is invalid."),
        new("EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT", 400, "즉시할인금액보다 적은 금액은 부분취소가 불가능합니다.", "A partial cancel cannot be smaller than the instant discount."),
        new("REFUND_REJECTED", 400, "환불이 거절됐습니다. 결제사에 문의 부탁드립니다.", "The refund was rejected. Contact the payment provider."),
        new("ALREADY_REFUND_PAYMENT", 400, "이미 환불된 결제입니다.", "This payment has already been refunded."),
        new("FORBIDDEN_BANK_REFUND_REQUEST", 400, "고객 계좌가 입금이 되지 않는 상태입니다.", "The customer's account cannot receive deposits."),
        new("NOT_CANCELABLE_AMOUNT", 403, "취소 할 수 없는 금액 입니다.", "This amount cannot be canceled."),
        new("NOT_CANCELABLE_PAYMENT", 403, "취소 할 수 없는 결제 입니다.", "This payment cannot be canceled."),
        new("NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT", 403, "입금 대기중인 결제는 부분 환불이 불가합니다.", "A payment waiting for its deposit cannot be partially refunded."),
        new("NOT_ALLOWED_PARTIAL_REFUND", 403, "에스크로 주문, 현금 카드 결제일 때는 부분 환불이 불가합니다.", "Escrow and cash-card payments cannot be partially refunded."),
        new("EXCEED_MAX_REFUND_DUE", 403, "환불 가능한 기간이 지났습니다.", "The refund period has passed."),
        new("EXCEED_CANCEL_LIMIT", 403, "취소 가능 한도를 초과했습니다.", "The cancel limit was exceeded."),
        new("NOT_CANCELABLE_PAYMENT_FOR_DORMANT_USER", 403, "휴면 처리된 회원의 결제는 취소할 수 없습니다.", "Payments of dormant customers cannot be canceled."),

        // Server side.
        new("FAILED_INTERNAL_SYSTEM_PROCESSING", 500, "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.", "Internal processing failed. Try again in a moment."),
        new("FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING", 500, "결제가 완료되지 않았어요. 다시 시도해주세요.", "The payment was not completed. Please try again."),
        new("UNKNOWN_PAYMENT_ERROR", 500, "결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요.", "The payment failed. If it keeps happening, contact your bank or card company."),
        new("COMMON_ERROR", 500, "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.", "A temporary error occurred. Try again in a moment."),
        new("FAILED_REFUND_PROCESS", 500, "은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다.", "The refund failed because of a bank delay or a temporary error."),
        new("FAILED_PARTIAL_REFUND", 500, "은행 점검, 해약 계좌 등의 사유로 부분 환불이 실패했습니다.", "The partial refund failed (bank maintenance, closed account or similar)."),
        new("FAILED_METHOD_HANDLING_CANCEL", 500, "취소 중 결제 시 사용한 결제 수단 처리과정에서 일시적인 오류가 발생했습니다.", "A temporary error occurred in the payment method while canceling."),
    }.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => Definitions.ContainsKey(code);

    /// <summary>The row for <paramref name="code"/>; unknown codes are a bug in the simulator, not the caller's fault.</summary>
    public static TossErrorDefinition Get(string code) =>
        Definitions.TryGetValue(code, out var definition)
            ? definition
            : throw new KeyNotFoundException($"'{code}' is not in the Toss error catalog.");

    public static TossErrorDefinition? Find(string code) => Definitions.GetValueOrDefault(code);
}
