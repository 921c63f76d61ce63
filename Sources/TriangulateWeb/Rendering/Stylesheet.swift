/// The one stylesheet of every Triangulate page, written by hand (no build step): GOV.UK
/// Design System's look in miniature — its type scale, focus state, buttons, tags, tables and
/// error messages — with colours that meet WCAG 2.2 AA contrast. Served under a name carrying
/// a hash of its text, so that browsers may keep it for a year.
public enum Stylesheet {
    /// The file name it is served under, e.g. `app-3f1c….css`.
    public static let fileName = "app-\(fingerprint).css"

    /// A hash of the text: a new name whenever the text changes.
    static let fingerprint = Fingerprint.of(text)

    /// The stylesheet.
    public static let text = """
    *,*::before,*::after{box-sizing:border-box}
    html{font-family:Arial,Helvetica,sans-serif;font-size:100%;line-height:1.4;color:#0b0c0c;background:#f3f2f1}
    body{margin:0;background:#fff}
    .width{max-width:1100px;margin:0 auto;padding:0 20px}
    a{color:#1d70b8}a:visited{color:#4c2c92}a:hover{color:#003078}
    a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus,[tabindex]:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;background-color:#ffdd00;color:#0b0c0c;text-decoration:none}
    input:focus,select:focus,textarea:focus{background-color:#fff;box-shadow:inset 0 0 0 2px #0b0c0c}
    main:focus{outline:none;box-shadow:none;background:none}
    .skip-link{position:absolute;left:-9999px;padding:10px 15px}
    .skip-link:focus{position:static;display:block}
    .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important;padding:0!important}
    .header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:10px 0}
    .header .width{display:flex;flex-wrap:wrap;align-items:center;gap:10px 30px}
    .header a,.header a:visited{color:#fff}
    .service-name{font-weight:700;font-size:1.25rem;text-decoration:none}
    .nav{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:5px 20px}
    .nav a{font-weight:700}.nav a[aria-current]{text-decoration:underline;text-decoration-thickness:3px}
    .sign-out{margin-left:auto;display:flex;gap:10px;align-items:center}
    .link-button{background:none;border:0;padding:0;color:#fff;text-decoration:underline;font:inherit;cursor:pointer}
    .banner{background:#d4351c;color:#fff;padding:12px 0;font-size:1.1875rem}
    main{display:block;padding:30px 0 40px}
    h1{font-size:2rem;margin:0 0 30px;line-height:1.1}
    h2{font-size:1.5rem;margin:30px 0 15px}h3{font-size:1.1875rem;margin:20px 0 10px}
    .caption{display:block;color:#505a5f;font-size:1.1875rem;margin-bottom:5px}
    p,li,td,th,label,legend,dd,dt{font-size:1.1875rem}
    .hint{color:#505a5f;display:block;margin-bottom:10px}
    .footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:20px 0;color:#0b0c0c}
    .button{display:inline-block;font:inherit;font-size:1.1875rem;font-weight:400;color:#fff;background:#00703c;border:2px solid transparent;box-shadow:0 2px 0 #002d18;padding:8px 10px 7px;cursor:pointer;text-decoration:none;margin:0 10px 20px 0}
    .button:hover{background:#005a30}
    .button:focus{background:#ffdd00;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c}
    .button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
    .button.warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
    .form-group{margin-bottom:30px}
    .form-group.error{border-left:5px solid #d4351c;padding-left:15px}
    .error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:10px}
    label,legend{display:block;font-weight:700;margin-bottom:5px}
    fieldset{border:0;margin:0 0 20px;padding:0}
    input[type=text],input[type=password],input[type=date],input[type=search],select,textarea{font:inherit;font-size:1.1875rem;width:100%;max-width:30em;padding:5px;border:2px solid #0b0c0c;border-radius:0;background:#fff}
    textarea{min-height:6em}
    .error input,.error select,.error textarea{border-color:#d4351c}
    .error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
    .error-summary h2{margin-top:0}.error-summary a{color:#d4351c;font-weight:700}
    .notice{border:5px solid #00703c;padding:0 20px;margin-bottom:30px}
    table{border-collapse:collapse;width:100%;margin-bottom:30px}
    caption{text-align:left;font-weight:700;font-size:1.1875rem;margin-bottom:10px}
    th,td{text-align:left;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
    th{font-weight:700}
    .tag{display:inline-block;padding:2px 8px;font-weight:700;font-size:1rem;background:#d2e2f1;color:#0c2d4a}
    .tag.red{background:#f4cdc6;color:#2a0b06}.tag.amber{background:#fcd6c3;color:#6e3619}.tag.green{background:#cce2d8;color:#005a30}.tag.grey{background:#e5e6e7;color:#0b0c0c}
    .summary-list{margin:0 0 30px}.summary-list div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:10px 0}
    .summary-list dt{font-weight:700;flex:0 0 30%;margin:0}.summary-list dd{margin:0;flex:1 1 50%}.summary-list dd.change{flex:0 0 auto;text-align:right}
    .sort-button{background:none;border:0;padding:0;font:inherit;font-weight:700;color:#1d70b8;text-decoration:underline;cursor:pointer}
    code{font-family:monospace;font-size:1rem;background:#f3f2f1;padding:0 3px}
    .radios{margin-top:10px}.radio,.checkbox{display:flex;align-items:center;gap:10px;margin-bottom:10px}
    .radio input,.checkbox input{width:28px;height:28px;margin:0;flex:none;accent-color:#0b0c0c}
    .radio label,.checkbox label{font-weight:400;margin:0}
    .date-input{max-width:9em!important}
    .step-list li{margin-bottom:10px}
    .figure{font-size:2.25rem;font-weight:700;margin:0 0 20px}
    svg{max-width:740px;display:block;margin-bottom:15px}
    .filters{background:#f3f2f1;padding:20px;margin-bottom:30px}
    .inline-fields{display:flex;flex-wrap:wrap;gap:0 20px}.inline-fields .form-group{flex:1 1 14em;margin-bottom:15px}
    """
}
